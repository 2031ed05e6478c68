package io.mapper.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.mapper.testing.TestDatabase;

/** The repository-backed API (issue 18) on the default profile's SQLite, in a fresh temporary file. */
@DirtiesContext
class SqliteRepositoryApiIT extends RepositoryApiContract {

    static TestDatabase database;

    @BeforeAll
    static void available() {
        TestDatabases.assumeAvailable("sqlite");
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database = TestDatabases.register("sqlite", registry);
    }

    @AfterAll
    static void drop() {
        if (database != null) {
            database.close();
        }
    }
}
