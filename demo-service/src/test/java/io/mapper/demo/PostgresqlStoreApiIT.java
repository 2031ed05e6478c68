package io.mapper.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.aot.DisabledInAotMode;

import io.mapper.testing.TestDatabase;

/** The API on the postgresql profile, in a fresh database of the test bed's server. */
@ActiveProfiles("postgresql")
@DirtiesContext
@DisabledInAotMode // AOT mode runs SqliteStoreApiIT only (demo-service/pom.xml, aot-http-tests)
class PostgresqlStoreApiIT extends StoreApiContract {

    static TestDatabase database;

    @BeforeAll
    static void available() {
        TestDatabases.assumeAvailable("postgresql");
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database = TestDatabases.register("postgresql", registry);
    }

    @AfterAll
    static void drop() {
        if (database != null) {
            database.close();
        }
    }
}
