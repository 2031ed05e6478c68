package io.mapper.testing;

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

    /** Disposes the engine and drops what the test created. */
    @Override
    void close();
}
