package io.mapper.engine;

import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.DatabaseException;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.sql.Operation;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.testing.SqlRecorder;
import io.mapper.types.Types;

/**
 * "insertmanyvalues": a single-row INSERT compiled once and sent for many rows as multi-row VALUES statements, from
 * {@code executeMany(insert(t).returning(...), maps)} and from {@code executeManyValues(insert, positional rows)}.
 * Mirrors SQLAlchemy's test/sql/test_insert_exec.py::InsertManyValuesTest.
 */
class InsertManyValuesIT extends BackendTest {

    private static final int BATCH = 10;

    private final MetaData metadata = new MetaData();
    private final Table data = metadata.table("data", Column.of("id", Types.INTEGER).primaryKey().autoincrement(),
            Column.of("x", Types.string(50)), Column.of("y", Types.string(50)));
    private final Table unique = metadata.table("uniq_cons", Column.of("id", Types.INTEGER).primaryKey(),
            Column.of("label", Types.string(50)).unique());

    private Engine small;
    private final SqlRecorder sent = new SqlRecorder();

    @BeforeEach
    void createTables() {
        metadata.createAll(engine());
        small = database().newEngine().batchSize(BATCH).listener(sent).build();
    }

    @org.junit.jupiter.api.AfterEach
    void closeEngine() {
        small.close();
    }

    private void requireReturning() {
        assumeThat(engine().dialect().supportsReturning(Operation.INSERT))
                .as("%s has no INSERT ... RETURNING", backend).isTrue();
    }

    /** Mirrors InsertManyValuesTest::test_insert_returning_values: every row back, in order, over several pages. */
    @Test
    void returningGivesEveryRowOfEveryPageInOrder() {
        requireReturning();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i < BATCH * 2 + 8; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("x", "x" + i);
            row.put("y", "y" + i);
            rows.add(row);
        }
        List<List<Object>> returned = small.inTransaction(conn -> conn.executeMany(
                insert(data).returning(data.column("x"), data.column("y")), rows).all().stream()
                .map(row -> List.<Object>copyOf(row.values())).toList());
        assertThat(returned).containsExactlyElementsOf(rows.stream()
                .map(row -> List.<Object>of(row.get("x"), row.get("y"))).toList());
        // 27 rows in pages of 10: three statements, each one multi-row VALUES, compiled once.
        List<String> inserts = sent.sql().stream().filter(sql -> sql.contains("INSERT")).toList();
        assertThat(inserts).hasSize(3);
        assertThat(inserts.get(0)).contains("VALUES (?, ?), (?, ?)");
        assertThat(count(inserts.get(0), "(?, ?)")).isEqualTo(BATCH);
        assertThat(count(inserts.get(2), "(?, ?)")).isEqualTo(7);
    }

    /** Positional rows, in the INSERT's column order; the generated keys come back per row. */
    @Test
    void positionalRowsAreBoundRowAfterRow() {
        requireReturning();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            rows.add(Arrays.asList("a" + i, i % 3 == 0 ? null : "b" + i));
        }
        // The columns in another order than the table's: each row follows the columns given.
        List<List<Object>> reversed = rows.stream().map(row -> Arrays.asList(row.get(1), row.get(0))).toList();
        List<Object> ids = small.inTransaction(conn -> conn.executeManyValues(insert(data)
                .returning(data.column("id")), List.of(data.column("y"), data.column("x")), reversed).all().stream()
                .map(row -> row.get(0)).toList());
        assertThat(ids).hasSize(23).doesNotHaveDuplicates();
        try (Connection conn = engine().connect()) {
            List<List<Object>> stored = conn.execute(select(data.column("x"), data.column("y")).from(data)
                    .orderBy(data.column("id"))).all().stream().map(row -> (List<Object>) new ArrayList<>(row.values()))
                    .toList();
            assertThat(stored).containsExactlyElementsOf(rows);
        }
    }

    /** Without RETURNING the statements report the rows they wrote. */
    @Test
    void withoutReturningTheRowCountIsTheTotal() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            rows.add(List.of("x" + i, "y" + i));
        }
        long count = small.inTransaction(conn -> conn.executeManyValues(insert(data),
                List.of(data.column("x"), data.column("y")), rows).rowCount());
        assertThat(count).isIn(15L, -1L);
        assertThat(sent.sql().stream().filter(sql -> sql.contains("INSERT"))).hasSize(2);
    }

    /** Mirrors InsertManyValuesTest::test_returning_integrity_error: a duplicate fails the batch, nothing stays. */
    @Test
    void aConstraintViolationFailsTheWholeBatch() {
        requireReturning();
        assertThatThrownBy(() -> small.begin(conn -> conn.executeMany(insert(unique).returning(unique.column("id")),
                List.of(Map.of("id", 1, "label", "the data"), Map.of("id", 2, "label", "the data")))))
                .isInstanceOf(DatabaseException.class);
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(Sql.count()).from(unique)).scalar()).isIn(0, 0L);
        }
    }

    @Test
    void wrongRowsAndStatementsAreRefusedNamingTheFix() {
        List<io.mapper.sql.ColumnClause<?>> xy = List.of(data.column("x"), data.column("y"));
        assertThatThrownBy(() -> small.begin(conn -> conn.executeManyValues(insert(data), xy,
                List.of(List.of("a", "b"), List.of("only one")))))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Row 2 of executeManyValues(...) has 1 values for the 2 columns [x, y]");
        assertThatThrownBy(() -> small.begin(conn -> conn.executeManyValues(insert(data).values(Map.of("x", "a")),
                xy, List.of(List.of("a", "b"))))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("takes the values from its rows");
        assertThatThrownBy(() -> small.begin(conn -> conn.executeManyValues(insert(data),
                List.of(data.column("x"), data.column("x")), List.of(List.of("a", "b")))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("each once");
        assertThatThrownBy(() -> small.begin(conn -> conn.executeManyValues(insert(data)
                .values(Map.of("x", Sql.literalColumn("'fixed'", Types.string(50)), "y", "b")), List.of(List.of("b")))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("needs a single-row INSERT whose values "
                        + "are all bound values");
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(Sql.count()).from(data)).scalar()).isIn(0, 0L);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
