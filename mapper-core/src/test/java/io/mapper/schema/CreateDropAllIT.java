package io.mapper.schema;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.dialect.Dialect;
import io.mapper.engine.Connection;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;
import io.mapper.types.Types;

/** {@code createAll} and {@code dropAll} on every backend: foreign-key order, check-first, cycles and sequences. */
class CreateDropAllIT extends BackendTest {

    private List<String> expectedCreates(MetaData metadata) {
        Dialect dialect = engine().dialect();
        return metadata.createStatements(dialect.ddlCapabilities()).stream()
                .map(element -> dialect.newDdlCompiler().compile(element).sql()).toList();
    }

    private boolean exists(String table) {
        try (Connection conn = engine().connect()) {
            return conn.dialect().hasTable(conn.jdbcConnection(), null, table);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void createAllRunsTheDialectsDdlParentsFirst() {
        StoreSchema store = new StoreSchema();
        store.metadata.createAll(engine());
        assertThat(recorder.sql()).containsExactlyElementsOf(expectedCreates(store.metadata));
        assertThat(recorder.sql()).filteredOn(sql -> sql.startsWith("CREATE TABLE"))
                .extracting(sql -> sql.split(" ")[2].replace("`", "").replace("\"", ""))
                .containsExactly("customer", "purchase_order", "category", "product", "order_line", "tag",
                        "product_tag");
        for (Table table : store.metadata.tables()) {
            assertThat(exists(table.name())).as(table.name()).isTrue();
        }
    }

    @Test
    void createAllChecksFirstAndCreatesOnlyWhatIsMissing() {
        StoreSchema store = new StoreSchema();
        store.metadata.createAll(engine());
        recorder.clear();
        store.metadata.createAll(engine());
        assertThat(recorder.sql()).isEmpty();

        engine().begin(conn -> conn.execute(text("DROP TABLE product_tag")));
        recorder.clear();
        store.metadata.createAll(engine());
        assertThat(recorder.sql()).hasSize(1).first().asString().startsWith("CREATE TABLE product_tag");
    }

    @Test
    void dropAllDropsChildrenFirstAndOnlyWhatExists() {
        StoreSchema store = new StoreSchema();
        store.metadata.createAll(engine());
        engine().begin(conn -> conn.execute(text("DROP TABLE product_tag")));
        recorder.clear();
        store.metadata.dropAll(engine());
        assertThat(recorder.sql()).extracting(sql -> sql.replace("`", "").replace("\"", "")).containsExactly(
                "DROP TABLE tag", "DROP TABLE order_line", "DROP TABLE product", "DROP TABLE category",
                "DROP TABLE purchase_order", "DROP TABLE customer");
        for (Table table : store.metadata.tables()) {
            assertThat(exists(table.name())).as(table.name()).isFalse();
        }
        recorder.clear();
        store.metadata.dropAll(engine());
        assertThat(recorder.sql()).isEmpty();
    }

    @Test
    void foreignKeyCyclesAreCreatedAndEnforced() {
        MetaData metadata = new MetaData();
        metadata.table("department",
                Column.of("id", Types.BIGINT).primaryKey(),
                Column.of("manager_id", Types.BIGINT).references("employee.id"));
        metadata.table("employee",
                Column.of("id", Types.BIGINT).primaryKey(),
                Column.of("department_id", Types.BIGINT).references("department.id"));
        metadata.createAll(engine());
        engine().begin(conn -> {
            conn.execute(text("INSERT INTO department (id) VALUES (1)"));
            conn.execute(text("INSERT INTO employee (id, department_id) VALUES (10, 1)"));
            conn.execute(text("UPDATE department SET manager_id = 10 WHERE id = 1"));
        });
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT manager_id FROM department")).scalar(Long.class)).isEqualTo(10L);
            // The key added by ALTER TABLE (or inline on SQLite) is enforced.
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    conn.execute(text("UPDATE department SET manager_id = 99 WHERE id = 1")))
                    .isInstanceOf(io.mapper.exception.IntegrityException.class);
        }
        if (engine().dialect().ddlCapabilities().alterForeignKeys()) {
            // With the cycle's key dropped first, the tables go even with rows that refer to each other.
            recorder.clear();
            metadata.dropAll(engine());
            assertThat(recorder.sql().get(0)).contains("manager_id_employee");
        } else {
            // SQLite cannot drop the cycle's key, and DROP TABLE deletes rows first: break the cycle in the data.
            engine().begin(conn -> conn.execute(text("UPDATE department SET manager_id = NULL")));
            metadata.dropAll(engine());
        }
        assertThat(exists("department")).isFalse();
        assertThat(exists("employee")).isFalse();
    }

    @Test
    void sequencesAreCreatedAndDroppedWithCheckFirst() {
        requires(Feature.SEQUENCES);
        MetaData metadata = new MetaData();
        metadata.sequence(Sequence.of("invoice_number").startWith(1000).incrementBy(10));
        metadata.table("invoice", Column.of("number", Types.BIGINT).primaryKey());
        metadata.createAll(engine());
        assertThat(recorder.sql().get(0)).contains("CREATE SEQUENCE").contains("START WITH 1000 INCREMENT BY 10");
        try (Connection conn = engine().connect()) {
            assertThat(conn.dialect().hasSequence(conn.jdbcConnection(), "invoice_number")).isTrue();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        recorder.clear();
        metadata.createAll(engine());
        assertThat(recorder.sql()).isEmpty();
        metadata.dropAll(engine());
        assertThat(recorder.sql()).last().asString().contains("DROP SEQUENCE");
        try (Connection conn = engine().connect()) {
            assertThat(conn.dialect().hasSequence(conn.jdbcConnection(), "invoice_number")).isFalse();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void createAllOnAConnectionJoinsItsTransaction() {
        MetaData metadata = new MetaData();
        metadata.table("note", Column.of("id", Types.INTEGER).primaryKey(), Column.of("body", Types.TEXT));
        try (Connection conn = engine().begin()) {
            metadata.createAll(conn);
            conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'x')"));
            conn.commit();
        }
        assertThat(exists("note")).isTrue();
    }

    @Test
    void columnsTakeTheirDefaultsFromSequences() {
        requires(Feature.SEQUENCES);
        MetaData metadata = new MetaData();
        metadata.table("ticket",
                Column.of("number", Types.BIGINT).primaryKey()
                        .defaultSequence(Sequence.of("ticket_number").startWith(1000).incrementBy(10)),
                Column.of("title", Types.string(20)).notNull());
        metadata.createAll(engine());
        engine().begin(conn -> {
            conn.execute(text("INSERT INTO ticket (title) VALUES ('first')"));
            conn.execute(text("INSERT INTO ticket (title) VALUES ('second')"));
        });
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT number FROM ticket ORDER BY number")).all())
                    .extracting(row -> row.get(0, Long.class)).containsExactly(1000L, 1010L);
        }
        metadata.dropAll(engine());
        assertThat(exists("ticket")).isFalse();
    }
}
