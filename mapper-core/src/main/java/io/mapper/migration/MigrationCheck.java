package io.mapper.migration;

import io.mapper.engine.Engine;
import io.mapper.schema.MetaData;

/**
 * A test's check that the models and a migrated database agree: Alembic's {@code check}. Call it after Flyway has
 * migrated the test's database, in plain JUnit or in a {@code @MapperTest} (which migrates it when Flyway is on the
 * classpath):
 *
 * <pre>{@code
 * @Test
 * void migrationsMatchTheModels(@Autowired Engine engine, @Autowired SessionFactory sessions) {
 *     MigrationCheck.assertUpToDate(engine, sessions.metadata());
 * }
 * }</pre>
 *
 * It throws an {@link AssertionError}, which every test framework reports as a failure, listing the differences.
 * The Maven goal {@code mapper:check-migrations} does the same in a build, against a scratch database it migrates;
 * {@link SchemaComparison#compare} returns the differences without failing.
 */
public final class MigrationCheck {

    private MigrationCheck() {
    }

    /** Fails when the database differs from the models, ignoring Flyway's history table. */
    public static void assertUpToDate(Engine engine, MetaData models) {
        assertUpToDate(engine, models, CompareOptions.DEFAULT);
    }

    /** Fails when the database differs from the models, as the options compare them. */
    public static void assertUpToDate(Engine engine, MetaData models, CompareOptions options) {
        SchemaDiff diff = SchemaComparison.compare(engine, models, options);
        if (!diff.isEmpty()) {
            throw new AssertionError("The models and the migrated database differ:\n  - "
                    + String.join("\n  - ", diff.describe())
                    + "\nGenerate a migration for the difference (./mvnw mapper:generate-migration, or "
                    + "MigrationGenerator), review it and add it to the migrations.");
        }
    }
}
