package io.mapper.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.mapper.testing.Backend;
import io.mapper.testing.TestDatabase;

/**
 * Fresh databases for the demo's test classes from mapper's test bed ({@link Backend}): a temporary SQLite file, or
 * a new PostgreSQL schema or MariaDB database on the servers named by {@code MAPPER_TEST_*_URL}, dropped afterwards.
 */
final class TestDatabases {

    private TestDatabases() {
    }

    /** Skips the class when the backend is not available (and not required by MAPPER_TEST_REQUIRE_BACKENDS). */
    static void assumeAvailable(String backend) {
        assumeTrue(Backend.named(backend) != null, () -> backend + " is not available to the test bed");
    }

    /** Creates a database on {@code backend} and points {@code spring.datasource.*} at it. */
    static TestDatabase register(String backend, DynamicPropertyRegistry registry) {
        Backend found = Backend.named(backend);
        if (found == null) {
            throw new IllegalStateException(backend + " is not available to the test bed");
        }
        TestDatabase database = found.createDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", () -> orEmpty(database.user()));
        registry.add("spring.datasource.password", () -> orEmpty(database.password()));
        return database;
    }

    /** Creates a database on {@code backend}. */
    static TestDatabase create(String backend) {
        Backend found = Backend.named(backend);
        if (found == null) {
            throw new IllegalStateException(backend + " is not available to the test bed");
        }
        return found.createDatabase();
    }

    /** A {@link FaultProxy} in front of the server {@code database} lives on. */
    static FaultProxy proxy(TestDatabase database) throws java.io.IOException {
        java.util.regex.Matcher server = SERVER.matcher(database.url());
        if (!server.find()) {
            throw new IllegalStateException("No host:port in " + database.url());
        }
        return new FaultProxy(server.group(1), Integer.parseInt(server.group(2)));
    }

    /** Points {@code spring.datasource.*} at {@code database} through {@code proxy}. */
    static void register(TestDatabase database, FaultProxy proxy, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER.matcher(database.url())
                .replaceFirst("//127.0.0.1:" + proxy.port() + "/"));
        registry.add("spring.datasource.username", () -> orEmpty(database.user()));
        registry.add("spring.datasource.password", () -> orEmpty(database.password()));
    }

    private static final java.util.regex.Pattern SERVER = java.util.regex.Pattern.compile("//([^/:]+):([0-9]+)/");

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
