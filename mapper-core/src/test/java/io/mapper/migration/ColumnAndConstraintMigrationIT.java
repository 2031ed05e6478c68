package io.mapper.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mapper.schema.CheckConstraint;
import io.mapper.schema.Column;
import io.mapper.schema.Index;
import io.mapper.schema.MetaData;
import io.mapper.schema.UniqueConstraint;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Changes inside existing tables on every backend: nullability, a server default (compared only when asked), a
 * widened integer, a new unique constraint, unique index and check constraint, a removed foreign key; the rows stay.
 */
class ColumnAndConstraintMigrationIT extends BackendTest {

    private static final CompareOptions WITH_DEFAULTS = CompareOptions.DEFAULT.withServerDefaults(true);

    @TempDir
    Path migrations;

    private Flyway flyway;

    @BeforeEach
    void configureFlyway() {
        flyway = Flyway.configure().dataSource(database().url(), database().user(), database().password())
                .locations("filesystem:" + migrations.toAbsolutePath()).load();
    }

    @Test
    void changesInsideTablesAreMigratedAndKeepTheRows() {
        generate(before(), "start");
        flyway.migrate();
        engine().begin(conn -> {
            conn.execute(Sql.text("INSERT INTO team (name) VALUES ('blue')"));
            conn.execute(Sql.text("INSERT INTO account (email, score, team_id) VALUES ('a@example.com', 1, 1)"));
            conn.execute(Sql.text("INSERT INTO account (email, score, team_id) VALUES ('b@example.com', 2, 1)"));
        });

        // Server defaults are compared only when asked.
        assertThat(SchemaComparison.compare(engine(), after(), CompareOptions.DEFAULT).describe())
                .noneMatch(line -> line.contains("server default"));
        SchemaDiff diff = SchemaComparison.compare(engine(), after(), WITH_DEFAULTS);
        assertThat(diff.describe()).contains("make account.email NOT NULL",
                "change server default of account.status from "
                        + (backend.is("postgresql") ? "'new'::character varying" : "'new'") + " to 'active'",
                "change type of account.score from INTEGER to BIGINT");
        assertThat(diff.operations()).noneMatch(operation -> operation.dataLoss().isPresent());

        GeneratedMigration migration = MigrationGenerator.builder(engine(), after()).location(migrations)
                .options(WITH_DEFAULTS).build().generate("tighten accounts").orElseThrow();
        flyway.migrate();
        List<String> left = SchemaComparison.compare(engine(), after(), WITH_DEFAULTS).describe();
        if (backend.is("mariadb")) {
            // InnoDB keeps the index it made for the dropped foreign key; the next migration removes it.
            assertThat(left).as(migration.sql()).containsExactly(
                    "remove index fk_account_team_id_team on account[team_id]");
            MigrationGenerator.builder(engine(), after()).location(migrations).options(WITH_DEFAULTS).build()
                    .generate("drop the foreign key's index").orElseThrow();
            flyway.migrate();
            left = SchemaComparison.compare(engine(), after(), WITH_DEFAULTS).describe();
        }
        assertThat(left).as(migration.sql()).isEmpty();

        try (var conn = engine().connect()) {
            assertThat(conn.execute(Sql.text("SELECT email FROM account ORDER BY id")).scalars(String.class).all())
                    .containsExactly("a@example.com", "b@example.com");
        }
        engine().begin(conn -> conn.execute(Sql.text("INSERT INTO account (email, score) VALUES ('c@example.com', 3)")));
        try (var conn = engine().connect()) {
            assertThat(conn.execute(Sql.text("SELECT status FROM account WHERE score = 3")).scalar())
                    .isEqualTo("active");
        }
    }

    private void generate(MetaData models, String description) {
        MigrationGenerator.builder(engine(), models).location(migrations).build().generate(description).orElseThrow();
    }

    private static MetaData before() {
        MetaData metadata = new MetaData();
        metadata.table("team",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("name", Types.string(30)).notNull());
        metadata.table("account",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("email", Types.string(100)),
                Column.of("status", Types.string(10)).notNull().serverDefault("'new'"),
                Column.of("score", Types.INTEGER),
                Column.of("team_id", Types.BIGINT).references("team.id"));
        return metadata;
    }

    private static MetaData after() {
        MetaData metadata = new MetaData();
        metadata.table("team",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("name", Types.string(30)).notNull());
        metadata.table("account",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("email", Types.string(100)).notNull(),
                Column.of("status", Types.string(10)).notNull().serverDefault("'active'"),
                Column.of("score", Types.BIGINT),
                Column.of("team_id", Types.BIGINT),
                UniqueConstraint.of("email"),
                Index.on("score").unique(),
                CheckConstraint.of("score >= 0").named("score_positive"));
        return metadata;
    }
}
