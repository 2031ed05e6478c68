package io.mapper.testing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Engine;

/** One test's private database (or schema) and the engine over it; closing drops it. */
public interface TestDatabase extends AutoCloseable {

    /** The engine over this test's database. */
    Engine engine();

    /** The JDBC URL of this test's database, for tests that build their own engines (pools, failures). */
    String url();

    /** The user for {@link #url()}, or null. */
    @Nullable String user();

    /** The password for {@link #url()}, or null. */
    @Nullable String password();

    /** A builder for another engine over this test's database (a one-connection pool unless changed). */
    default Engine.Builder newEngine() {
        Engine.Builder builder = Engine.builder(url()).poolSize(1);
        String user = user();
        String password = password();
        if (user != null) {
            builder.username(user);
        }
        if (password != null) {
            builder.password(password);
        }
        return builder;
    }

    /**
     * Spring Boot properties pointing {@code spring.datasource.*} at this test's database (a pool of three), followed
     * by {@code more}, for an {@code ApplicationContextRunner}.
     */
    default String[] springProperties(String... more) {
        List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + url(),
                "spring.datasource.hikari.maximum-pool-size=3"));
        if (user() != null) {
            properties.add("spring.datasource.username=" + user());
        }
        if (password() != null) {
            properties.add("spring.datasource.password=" + password());
        }
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }

    /** Disposes the engine and drops what the test created. */
    @Override
    void close();
}
