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

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
