package io.mapper.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mapper.schema.Column;
import io.mapper.schema.Index;
import io.mapper.schema.MetaData;
import io.mapper.schema.TableElement;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * The workflow on every backend: change the models, generate a migration from the difference with a database
 * migrated so far, let Flyway apply it, and find no difference left; rows survive, including those of a table
 * SQLite rebuilds.
 */
class MigrationIT extends BackendTest {

    @TempDir
    Path migrations;

    private Flyway flyway;

    @BeforeEach
    void configureFlyway() {
        // Flyway connects on its own, as in an application: with SQLite's foreign keys off (the driver's default).
        flyway = Flyway.configure().dataSource(database().url(), database().user(), database().password())
                .locations("filesystem:" + migrations.toAbsolutePath()).load();
    }

    @Test
    void eachGeneratedMigrationBringsTheDatabaseToTheModels() throws IOException {
        // 1. The first migration creates everything.
        apply(step(1), "create customer and product", false);
        engine().begin(conn -> {
            conn.execute(Sql.text("INSERT INTO customer (name) VALUES ('ann')"));
            conn.execute(Sql.text("INSERT INTO customer (name) VALUES ('bob')"));
            conn.execute(Sql.text("INSERT INTO product (code, note) VALUES ('P-1', 'first')"));
            conn.execute(Sql.text("INSERT INTO product (code, note) VALUES ('P-2', NULL)"));
        });
        // 2. A new table, with a foreign key to an existing one, and a new nullable column.
        GeneratedMigration second = apply(step(2), "add purchase and customer email", false);
        assertThat(second.sql()).contains("CREATE TABLE").contains("purchase");
        engine().begin(conn -> conn.execute(Sql.text(
                "INSERT INTO purchase (customer_id, product_id, quantity) VALUES (1, 1, 3)")));
        // 3. A new NOT NULL column with a server default, and a widened VARCHAR.
        GeneratedMigration third = apply(step(3), "customer status and longer codes", false);
        assertThat(third.diff().describe()).anyMatch(line -> line.startsWith("change type of product.code"));
        if (!engine().dialect().supportsAlterColumns()) {
            // SQLite rebuilds the product table, which purchase refers to.
            assertThat(third.sql()).contains("_mapper_new_product").contains("RENAME TO");
        }
        // 4. A new index and a new foreign key (on a new column).
        apply(step(4), "index emails and link products to a supplier", false);
        // 5. A dropped column, allowed here.
        GeneratedMigration fifth = apply(step(5), "drop product note", true);
        assertThat(fifth.sql()).contains("-- DESTRUCTIVE: drops column product.note");

        assertThat(scalar("SELECT count(*) FROM customer")).isEqualTo(2L);
        assertThat(scalar("SELECT count(*) FROM product")).isEqualTo(2L);
        assertThat(scalar("SELECT count(*) FROM purchase")).isEqualTo(1L);
        assertThat(strings("SELECT code FROM product ORDER BY id")).containsExactly("P-1", "P-2");
        assertThat(scalar("SELECT count(*) FROM customer WHERE status = 'active'")).isEqualTo(2L);
        List<String> files;
        try (var listing = Files.list(migrations)) {
            files = listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
        // SQLite's rebuilds (steps 3 and 4) run outside Flyway's transaction, said in a per-script .conf file.
        assertThat(files.stream().filter(name -> name.endsWith(".conf")).toList()).isEqualTo(
                engine().dialect().supportsAlterColumns() ? List.of()
                        : List.of("V3__customer_status_and_longer_codes.sql.conf",
                                "V4__index_emails_and_link_products_to_a_supplier.sql.conf"));
        assertThat(files.stream().filter(name -> name.endsWith(".sql")).toList())
                .containsExactly("V1__create_customer_and_product.sql", "V2__add_purchase_and_customer_email.sql",
                        "V3__customer_status_and_longer_codes.sql",
                        "V4__index_emails_and_link_products_to_a_supplier.sql", "V5__drop_product_note.sql");
    }

    @Test
    void destructiveChangesAreWrittenCommentedOutUnlessAllowed() {
        apply(step(4), "start", false);
        engine().begin(conn -> conn.execute(Sql.text("INSERT INTO product (code, note) VALUES ('P-1', 'kept')")));

        GeneratedMigration drop = generate(step(5), "drop product note", false);
        assertThat(drop.sql()).contains("-- DESTRUCTIVE, commented out: drops column product.note and every value "
                + "in it.");
        assertThat(drop.sql().lines().filter(line -> !line.startsWith("--") && !line.isBlank())).isEmpty();
        flyway.migrate();
        assertThat(compare(step(5)).describe()).containsExactly(
                "remove column product.note (destructive: drops column product.note and every value in it)");
        assertThat(strings("SELECT note FROM product")).containsExactly("kept");

        // A narrower type is destructive too.
        GeneratedMigration narrowing = generate(models(4, 20), "shorter codes", false);
        assertThat(narrowing.diff().operations()).anySatisfy(operation -> assertThat(operation.dataLoss())
                .hasValueSatisfying(loss -> assertThat(loss).contains("product.code")));
        assertThat(narrowing.sql()).contains("-- DESTRUCTIVE, commented out: changes product.code");
    }

    @Test
    void theCheckFailsWhileTheModelsAndTheDatabaseDiffer() {
        apply(step(2), "start", false);
        MigrationCheck.assertUpToDate(engine(), step(2));
        assertThatThrownBy(() -> MigrationCheck.assertUpToDate(engine(), step(3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("add column customer.status")
                .hasMessageContaining("change type of product.code")
                .hasMessageContaining("mapper:generate-migration");
    }

    @Test
    void noDifferenceWritesNoMigration() {
        apply(step(1), "start", false);
        assertThat(MigrationGenerator.builder(engine(), step(1)).location(migrations).build().generate("nothing"))
                .isEmpty();
        assertThat(MigrationGenerator.nextVersion(migrations)).isEqualTo(2);
    }

    @Test
    void newTablesOnAForeignKeyCycleAreCreatedThenLinked() {
        MetaData models = new MetaData();
        models.table("author",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("favourite_book_id", Types.BIGINT).references("book.id"));
        models.table("book",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("author_id", Types.BIGINT).notNull().references("author.id"));
        GeneratedMigration migration = apply(models, "authors and books", false);
        if (engine().dialect().ddlCapabilities().alterForeignKeys()) {
            assertThat(migration.sql()).contains("ADD CONSTRAINT");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The models after {@code step} changes of the series. */
    static MetaData step(int step) {
        return models(step, step >= 3 ? 40 : 20);
    }

    private static MetaData models(int step, int codeLength) {
        MetaData metadata = new MetaData();
        Column<?> email = Column.of("email", Types.string(100));
        if (step >= 3) {
            metadata.table("customer",
                    Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                    Column.of("name", Types.string(50)).notNull(),
                    email,
                    Column.of("status", Types.string(10)).notNull().serverDefault("'active'"),
                    step >= 4 ? Index.on("email") : Index.on("name").named("ix_customer_name"));
        } else if (step == 2) {
            metadata.table("customer",
                    Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                    Column.of("name", Types.string(50)).notNull(),
                    email,
                    Index.on("name").named("ix_customer_name"));
        } else {
            metadata.table("customer",
                    Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                    Column.of("name", Types.string(50)).notNull(),
                    Index.on("name").named("ix_customer_name"));
        }
        if (step >= 4) {
            metadata.table("supplier",
                    Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                    Column.of("name", Types.string(50)).notNull());
        }
        List<TableElement> product = new ArrayList<>(List.of(
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("code", Types.string(codeLength)).notNull().unique()));
        if (step < 5) {
            product.add(Column.of("note", Types.string(100)));
        }
        if (step >= 4) {
            product.add(Column.of("supplier_id", Types.BIGINT).references("supplier.id"));
        }
        metadata.table("product", product.get(0), product.subList(1, product.size())
                .toArray(TableElement[]::new));
        if (step >= 2) {
            metadata.table("purchase",
                    Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                    Column.of("customer_id", Types.BIGINT).notNull().references("customer.id"),
                    Column.of("product_id", Types.BIGINT).notNull().references("product.id"),
                    Column.of("quantity", Types.INTEGER).notNull());
        }
        return metadata;
    }

    private GeneratedMigration apply(MetaData models, String description, boolean allowDestructive) {
        GeneratedMigration migration = generate(models, description, allowDestructive);
        flyway.migrate();
        SchemaDiff left = compare(models);
        assertThat(left.describe()).as("left after applying %s:%n%s", migration.file().getFileName(),
                migration.sql()).isEmpty();
        return migration;
    }

    private GeneratedMigration generate(MetaData models, String description, boolean allowDestructive) {
        return MigrationGenerator.builder(engine(), models).location(migrations).allowDestructive(allowDestructive)
                .build().generate(description).orElseThrow();
    }

    private SchemaDiff compare(MetaData models) {
        return SchemaComparison.compare(engine(), models, CompareOptions.DEFAULT);
    }

    private Object scalar(String sql) {
        try (var conn = engine().connect()) {
            Object value = conn.execute(Sql.text(sql)).scalar();
            return value instanceof Number number ? number.longValue() : value;
        }
    }

    private List<String> strings(String sql) {
        try (var conn = engine().connect()) {
            return conn.execute(Sql.text(sql)).scalars(String.class).all();
        }
    }
}
