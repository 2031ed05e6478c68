package io.mapper.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mapper.migration.MigrationCheck;
import io.mapper.orm.SessionFactory;
import io.mapper.testing.Backend;
import io.mapper.testing.TestDatabase;

/**
 * The server profiles' Flyway migrations (written by mapper's generator) bring a fresh database to exactly the schema
 * of the demo's entities: Alembic's {@code check}. It fails when an entity changes without its migration.
 */
class MigrationsAgreeIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void migrationsMatchTheEntities(String backend) {
        Backend server = Backend.named(backend);
        assumeTrue(server != null, () -> backend + " is not available to the test bed");
        try (TestDatabase database = server.createDatabase()) {
            Flyway.configure()
                    .dataSource(database.url(), database.user(), database.password() == null ? "" : database.password())
                    .locations("classpath:db/migration/" + backend)
                    .load()
                    .migrate();
            SessionFactory sessions = SessionFactory.builder(database.engine()).scan("io.mapper.demo.domain").build();
            MigrationCheck.assertUpToDate(database.engine(), sessions.metadata());
        }
    }
}
