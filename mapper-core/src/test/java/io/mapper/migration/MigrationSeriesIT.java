package io.mapper.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mapper.schema.Column;
import io.mapper.schema.Index;
import io.mapper.schema.MetaData;
import io.mapper.schema.PrimaryKeyConstraint;
import io.mapper.schema.Sequence;
import io.mapper.schema.TableComment;
import io.mapper.schema.TableElement;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Issue 15's "done when": one model taken through thirteen successive changes on every backend, each generated,
 * applied by Flyway (on SQLite with its connection's foreign-key enforcement both off and on) and compared again.
 * After each step the comparison (server defaults included) is empty, generating again writes nothing, every row is
 * still there, and SQLite's {@code PRAGMA foreign_key_check} finds no orphan.
 */
class MigrationSeriesIT extends BackendTest {

    /** The first status enum; {@link Status2} widens it. */
    enum Status1 { NEW, ACTIVE }

    enum Status2 { NEW, ACTIVE, BLOCKED }

    static final int STEPS = 13;

    @TempDir
    Path migrations;

    private java.sql.Connection keptOpen;

    @ParameterizedTest(name = "foreign keys on in Flyway''s connection: {0}")
    @ValueSource(booleans = {false, true})
    void thirteenChangesKeepEveryRowAndLeaveNoDifference(boolean foreignKeysOn) throws Exception {
        // Only SQLite's connections differ in enforcement: the other databases always enforce foreign keys.
        assumeTrue(!foreignKeysOn || backend.name().equals("sqlite"), "foreign_keys is a SQLite setting");
        String url = database().url() + (foreignKeysOn ? "?foreign_keys=true" : "");
        var configuration = Flyway.configure().locations("filesystem:" + migrations.toAbsolutePath());
        if (backend.name().equals("h2")) {
            // H2 2.4.240 (h2database/h2database#4302): an enum's CHECK rejects every row once the connection that
            // created it is closed; an application's pool keeps it open, and so does this test (see migrations.md).
            keptOpen = DriverManager.getConnection(url, database().user(), database().password());
            configuration.dataSource(singleConnection(keptOpen));
        } else {
            configuration.dataSource(url, database().user(), database().password());
        }
        Flyway flyway = configuration.load();
        boolean sequences = engine().dialect().ddlCapabilities().sequences();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int step = 1; step <= STEPS; step++) {
            MetaData models = models(step);
            Optional<GeneratedMigration> generated = MigrationGenerator.builder(engine(), models)
                    .location(migrations).allowDestructive(true).options(options()).build().generate("step " + step);
            if (generated.isEmpty()) {
                // Step 7 changes only a sequence, step 8 only comments: SQLite keeps neither.
                assertThat(step == 7 && !sequences || step == 8 && !engine().dialect().supportsComments())
                        .as("step %d generated nothing", step).isTrue();
                continue;
            }
            GeneratedMigration migration = generated.get();
            if (step == 1 && sequences) {
                // The key's sequence comes before the table whose default calls it.
                assertThat(migration.sql().indexOf("CREATE SEQUENCE ticket_seq"))
                        .isNotNegative().isLessThan(migration.sql().indexOf("CREATE TABLE ticket"));
            }
            if (!engine().dialect().supportsAlterColumns() && migration.sql().contains("_mapper_new_")) {
                assertThat(migration.sql()).contains("PRAGMA foreign_keys = OFF")
                        .contains("pragma_foreign_key_check");
                assertThat(migration.scriptConfig()).isNotNull();
                assertThat(Files.readString(migration.scriptConfig())).contains("executeInTransaction=false");
            }
            try {
                flyway.migrate();
            } catch (RuntimeException e) {
                throw new AssertionError("step " + step + " failed to apply:\n" + migration.sql(), e);
            }
            SchemaDiff left = SchemaComparison.compare(engine(), models, options());
            assertThat(left.describe()).as("left after step %d:%n%s", step, migration.sql()).isEmpty();
            assertThat(MigrationGenerator.builder(engine(), models).location(migrations).options(options()).build()
                    .generate("again")).as("regenerated after step %d", step).isEmpty();
            if (step == 1) {
                insertFirstRows();
            }
            if (step == 6) {
                engine().begin(conn -> conn.execute(Sql.text("INSERT INTO invoice (total) VALUES (10)")));
            }
            rows = assertRowsKept(step, rows);
            assertNoOrphans(step);
        }
        // The counters survived every rebuild: deleted keys are not handed out again.
        engine().begin(conn -> conn.execute(Sql.text("INSERT INTO customer (name) VALUES ('dora')")));
        assertThat(scalar("SELECT max(id) FROM customer")).isEqualTo(4L);
        assertThat(strings("SELECT name FROM customer ORDER BY id")).containsExactly("ann", "bob", "dora");
        assertThat(scalar("SELECT count(*) FROM " + quote("order"))).isEqualTo(3L);
        assertThat(scalar("SELECT count(*) FROM \"OrderTag\"".replace("\"", quoteChar()))).isEqualTo(3L);
    }

    @AfterEach
    void closeKeptConnection() throws SQLException {
        if (keptOpen != null) {
            keptOpen.close();
        }
    }

    /** A data source handing out one connection, which its users cannot close. */
    private static DataSource singleConnection(java.sql.Connection connection) {
        java.sql.Connection unclosable = (java.sql.Connection) Proxy.newProxyInstance(
                MigrationSeriesIT.class.getClassLoader(), new Class<?>[] {java.sql.Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(MigrationSeriesIT.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getConnection" -> unclosable;
                    case "isWrapperFor" -> false;
                    case "toString" -> "single connection";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> null;
                });
    }

    private CompareOptions options() {
        return CompareOptions.DEFAULT.withServerDefaults(true);
    }

    /**
     * The models after {@code step} changes:
     * 1 customer, "order" (a reserved word, ON DELETE CASCADE to customer), "OrderTag" (mixed case), ticket keyed by
     * a sequence; 2 a new nullable column with an index; 3 a widened VARCHAR on the parent table (SQLite rebuilds
     * it under its children); 4 an enum column with a server default; 5 the enum widened; 6 a new table keyed by a
     * new sequence, and a sequence of its own; 7 that sequence's increment changed; 8 comments; 9 a primary key over
     * more columns; 10 a NOT NULL and a wider NUMERIC on the middle table; 11 a foreign key on an existing column;
     * 12 a dropped column that has an index, and a boolean and a timestamp with server defaults; 13 the lone
     * sequence dropped and a table dropped.
     */
    static MetaData models(int step) {
        MetaData metadata = new MetaData();
        List<TableElement> customer = new ArrayList<>(List.of(
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                column("name", Types.string(step >= 3 ? 100 : 50), step >= 8 ? "display name" : null).notNull()));
        if (step >= 2 && step < 12) {
            customer.add(Column.of("email", Types.string(100)));
            customer.add(Index.on("email"));
        }
        if (step == 4) {
            customer.add(Column.of("status", Types.enumOf(Status1.class)).notNull().serverDefault("'NEW'"));
        } else if (step >= 5) {
            customer.add(Column.of("status", Types.enumOf(Status2.class)).notNull().serverDefault("'NEW'"));
        }
        if (step >= 12) {
            customer.add(Column.of("vip", Types.BOOLEAN).notNull().serverDefault("FALSE"));
            customer.add(Column.of("created_at", Types.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"));
        }
        if (step >= 8) {
            customer.add(TableComment.of("people who order"));
        }
        metadata.table("customer", customer.get(0), customer.subList(1, customer.size()).toArray(TableElement[]::new));

        metadata.table("order",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement(),
                Column.of("customer_id", Types.BIGINT).notNull().references("customer.id")
                        .onDelete(ReferentialAction.CASCADE),
                step >= 10 ? Column.of("note", Types.string(200)).notNull() : Column.of("note", Types.string(200)),
                Column.of("amount", step >= 10 ? Types.numeric(12, 2) : Types.numeric(10, 2)));

        metadata.table("OrderTag",
                Column.of("order_id", Types.BIGINT).notNull().references("order.id")
                        .onDelete(ReferentialAction.CASCADE),
                Column.of("Tag", Types.string(20)).notNull(),
                step >= 9 ? PrimaryKeyConstraint.of("order_id", "Tag") : PrimaryKeyConstraint.of("order_id"));

        Sequence ticketSequence = Sequence.of("ticket_seq");
        Column<Long> ticketCustomer = Column.of("customer_id", Types.BIGINT);
        metadata.table("ticket",
                Column.of("id", Types.BIGINT).primaryKey().autoincrement().defaultSequence(ticketSequence),
                step >= 11 ? ticketCustomer.references("customer.id") : ticketCustomer,
                Column.of("subject", Types.string(100)));

        if (step >= 6 && step < 13) {
            Sequence invoiceSequence = Sequence.of("invoice_seq").startWith(1000).incrementBy(step >= 7 ? 5 : 1);
            metadata.table("invoice",
                    Column.of("id", Types.BIGINT).primaryKey().autoincrement().defaultSequence(invoiceSequence),
                    Column.of("total", Types.numeric(10, 2)));
            metadata.sequence(Sequence.of("order_number").startWith(500));
        }
        return metadata;
    }

    private static <T> Column<T> column(String name, io.mapper.types.SqlType<T> type, String comment) {
        Column<T> column = Column.of(name, type);
        return comment == null ? column : column.comment(comment);
    }

    private void insertFirstRows() {
        engine().begin(conn -> {
            conn.execute(Sql.text("INSERT INTO customer (name) VALUES ('ann')"));
            conn.execute(Sql.text("INSERT INTO customer (name) VALUES ('bob')"));
            conn.execute(Sql.text("INSERT INTO customer (name) VALUES ('cyd')"));
            conn.execute(Sql.text("DELETE FROM customer WHERE name = 'cyd'"));
            String order = quote("order");
            conn.execute(Sql.text("INSERT INTO " + order + " (customer_id, note, amount) VALUES (1, 'a1', 1.50)"));
            conn.execute(Sql.text("INSERT INTO " + order + " (customer_id, note, amount) VALUES (1, 'a2', 2.50)"));
            conn.execute(Sql.text("INSERT INTO " + order + " (customer_id, note, amount) VALUES (2, 'b1', 3.50)"));
            String tag = quote("OrderTag");
            String tagColumn = quote("Tag");
            conn.execute(Sql.text("INSERT INTO " + tag + " (order_id, " + tagColumn + ") VALUES (1, 'x')"));
            conn.execute(Sql.text("INSERT INTO " + tag + " (order_id, " + tagColumn + ") VALUES (2, 'x')"));
            conn.execute(Sql.text("INSERT INTO " + tag + " (order_id, " + tagColumn + ") VALUES (3, 'y')"));
            conn.execute(Sql.text("INSERT INTO ticket (customer_id, subject) VALUES (1, 'help')"));
            conn.execute(Sql.text("INSERT INTO ticket (customer_id, subject) VALUES (2, 'thanks')"));
        });
    }

    /** Every table's row count is what it was before the step (a table may only have appeared). */
    private Map<String, Long> assertRowsKept(int step, Map<String, Long> before) {
        Map<String, Long> now = new LinkedHashMap<>();
        for (String table : List.of("customer", "order", "OrderTag", "ticket")) {
            now.put(table, (Long) scalar("SELECT count(*) FROM " + quote(table)));
        }
        if (step >= 6 && step < 13) {
            now.put("invoice", (Long) scalar("SELECT count(*) FROM invoice"));
        }
        for (Map.Entry<String, Long> entry : before.entrySet()) {
            if (now.containsKey(entry.getKey())) {
                assertThat(now.get(entry.getKey())).as("rows of %s after step %d", entry.getKey(), step)
                        .isEqualTo(entry.getValue());
            }
        }
        if (step >= 1) {
            assertThat(strings("SELECT note FROM " + quote("order") + " ORDER BY id")).as("after step %d", step)
                    .containsExactly("a1", "a2", "b1");
        }
        return now;
    }

    /** SQLite: PRAGMA foreign_key_check lists no row whose parent is gone. */
    private void assertNoOrphans(int step) throws SQLException {
        if (!backend.name().equals("sqlite")) {
            return;
        }
        try (var connection = DriverManager.getConnection(database().url());
                var statement = connection.createStatement();
                ResultSet orphans = statement.executeQuery("PRAGMA foreign_key_check")) {
            assertThat(orphans.next()).as("PRAGMA foreign_key_check after step %d", step).isFalse();
        }
    }

    private String quote(String name) {
        return engine().dialect().identifierPreparer().quote(name);
    }

    private String quoteChar() {
        // SQLite and MariaDB leave mixed-case names unquoted (they keep their case), so ask for the quote itself.
        return engine().dialect().identifierPreparer().forceQuote("Mixed").substring(0, 1);
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
