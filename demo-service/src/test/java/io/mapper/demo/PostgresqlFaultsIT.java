package io.mapper.demo;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.mapper.testing.TestDatabase;

/** Connection faults under an order load on the postgresql profile, through a {@link FaultProxy}. */
@ActiveProfiles("postgresql")
@DirtiesContext
class PostgresqlFaultsIT extends FaultsUnderLoadContract {

    static TestDatabase database;
    static FaultProxy proxy;

    @BeforeAll
    static void available() {
        TestDatabases.assumeAvailable("postgresql");
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) throws IOException {
        database = TestDatabases.create("postgresql");
        proxy = TestDatabases.proxy(database);
        TestDatabases.register(database, proxy, registry);
    }

    @Override
    FaultProxy proxy() {
        return proxy;
    }

    @AfterAll
    static void drop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
