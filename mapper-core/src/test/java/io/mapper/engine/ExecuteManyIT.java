package io.mapper.engine;

import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.MapperException;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.sql.Operation;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Issue 14: executeMany binds each parameter set by column name, never drops a value, and with RETURNING returns every
 * row in order or is refused before anything runs.
 */
class ExecuteManyIT extends BackendTest {

    private final MetaData metadata = new MetaData();
    private final Table person = metadata.table("person", Column.of("id", Types.INTEGER).primaryKey(),
            Column.of("name", Types.string(30)).notNull(), Column.of("city", Types.string(30)));

    @BeforeEach
    void createTable() {
        metadata.createAll(engine());
    }

    private static Map<String, Object> person(int id, String name, String city) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("city", city);
        return row;
    }

    private List<List<Object>> all() {
        try (Connection conn = engine().connect()) {
            return conn.execute(select(person.column("id"), person.column("name"), person.column("city"))
                    .from(person).orderBy(person.column("id"))).all().stream().map(Row::values)
                    .map(values -> (List<Object>) new ArrayList<Object>(values)).toList();
        }
    }

    @Test
    void anInsertWithoutValuesTakesItsColumnsFromTheRows() {
        long count = engine().inTransaction(conn -> conn.executeMany(insert(person),
                List.of(person(1, "Ann", "Berlin"), person(2, "Bob", null), person(3, "Cleo", "Paris"))).rowCount());
        assertThat(count).isIn(3L, -1L);
        assertThat(all()).containsExactly(List.of(1, "Ann", "Berlin"), java.util.Arrays.asList(2, "Bob", null),
                List.of(3, "Cleo", "Paris"));
    }

    @Test
    void aTemplateValueIsReplacedByTheColumnOfTheSameName() {
        engine().begin(conn -> conn.executeMany(insert(person).values(Map.of("id", 0, "name", "?", "city", "Rome")),
                List.of(Map.of("id", 1, "name", "Ann"), Map.of("id", 2, "name", "Bob", "city", "Oslo"))));
        assertThat(all()).containsExactly(List.of(1, "Ann", "Rome"), List.of(2, "Bob", "Oslo"));
    }

    @Test
    void anUpdateSetsEachRowsValuesByColumnName() {
        engine().begin(conn -> conn.executeMany(insert(person),
                List.of(person(1, "Ann", "Berlin"), person(2, "Bob", "Oslo"))));
        engine().begin(conn -> conn.executeMany(update(person).set(person.column("city"), "")
                .where(person.column("id").eq(0)), List.of(Map.of("city", "Lyon", "id_1", 1),
                        Map.of("city", "Nice", "id_1", 2))));
        assertThat(all()).containsExactly(List.of(1, "Ann", "Lyon"), List.of(2, "Bob", "Nice"));
    }

    @Test
    void aMissingValueIsAnErrorNamingIt() {
        assertThatThrownBy(() -> engine().begin(conn -> conn.executeMany(insert(person),
                List.of(person(1, "Ann", "Berlin"), Map.of("id", 2, "name", "Bob")))))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Parameter set 2").hasMessageContaining("no value for [city]");
        assertThatThrownBy(() -> engine().begin(conn -> conn.executeMany(insert(person),
                List.of(Map.of("id", 1, "name", "Ann"), person(2, "Bob", "Oslo")))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("gives 'city', which the first set does not");
        assertThatThrownBy(() -> engine().begin(conn -> conn.executeMany(insert(person),
                List.of(Map.of("id", 1, "nmae", "Ann")))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("nmae");
        assertThat(all()).isEmpty();
    }

    @Test
    void returningGivesEveryRowInOrderOrIsRefusedUpFront() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add(person(i, "p" + i, i % 2 == 0 ? "even" : "odd"));
        }
        if (!engine().dialect().supportsReturning(Operation.INSERT)) {
            assertThatThrownBy(() -> engine().begin(conn -> conn.executeMany(insert(person)
                    .returning(person.column("id")), rows))).isInstanceOf(MapperException.class)
                    .hasMessageContaining("RETURNING");
            assertThat(all()).isEmpty();
            return;
        }
        List<Object> ids = engine().inTransaction(conn -> conn.executeMany(insert(person)
                .returning(person.column("id"), person.column("name")), rows).all().stream()
                .map(row -> row.get(0)).toList());
        assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(all()).hasSize(7);
        if (!engine().dialect().supportsReturning(Operation.UPDATE)) {
            // MariaDB has RETURNING for INSERT and DELETE only: refused before anything runs.
            assertThatThrownBy(() -> engine().begin(conn -> conn.executeMany(update(person)
                    .set(person.column("city"), "x").where(person.column("id").eq(0))
                    .returning(person.column("name")), List.of(Map.of("city", "a", "id_1", 3)))))
                    .isInstanceOf(MapperException.class).hasMessageContaining("RETURNING");
            assertThat(all()).extracting(row -> row.get(2)).doesNotContain("a");
            return;
        }
        List<Object> names = engine().inTransaction(conn -> conn.executeMany(update(person)
                .set(person.column("city"), "x").where(person.column("id").eq(0)).returning(person.column("name")),
                List.of(Map.of("city", "a", "id_1", 3), Map.of("city", "b", "id_1", 1))).all().stream()
                .map(row -> row.get(0)).toList());
        assertThat(names).containsExactly("p3", "p1");
    }
    /**
     * executeManyPositional: the rows give the placeholders' values in SQL order; the statement's own values are only
     * its shape (SQLAlchemy's executemany of an UPDATE with bindparam(), test_update.py::UpdateTest's executemany).
     */
    @Test
    void positionalRowsBindEachPlaceholderInSqlOrder() {
        engine().begin(conn -> conn.executeMany(insert(person),
                List.of(person(1, "Ann", "Berlin"), person(2, "Bob", null), person(3, "Cleo", "Paris"))));
        var rename = update(person).set(person.column("city"), "?").where(person.column("id").eq(0));
        recorder.clear();
        long count = engine().inTransaction(conn -> conn.executeManyPositional(rename,
                java.util.Arrays.asList(java.util.Arrays.asList("Oslo", 1), java.util.Arrays.asList(null, 3),
                        List.of("Lima", 99))).rowCount());
        if (count >= 0) {
            assertThat(count).isEqualTo(2);
        }
        assertThat(recorder.statements()).singleElement().satisfies(batch -> {
            assertThat(batch.sql()).isEqualTo("UPDATE person SET city = ? WHERE person.id = ?");
            assertThat(batch.batchSize()).isEqualTo(3);
        });
        assertThat(all()).containsExactly(List.of(1, "Ann", "Oslo"), java.util.Arrays.asList(2, "Bob", null),
                java.util.Arrays.asList(3, "Cleo", null));
    }

    @Test
    void positionalRowsOfTheWrongWidthAreRefusedBeforeAnythingRuns() {
        engine().begin(conn -> conn.executeMany(insert(person), List.of(person(1, "Ann", "Berlin"))));
        var rename = update(person).set(person.column("city"), "?").where(person.column("id").eq(0));
        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.executeManyPositional(rename, List.of(List.of("Oslo", 1), List.of("Rome"))))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("Row 2")
                    .hasMessageContaining("2 placeholders");
            if (conn.dialect().supportsReturning(Operation.UPDATE)) {
                assertThatThrownBy(() -> conn.executeManyPositional(rename.returning(person.column("id")),
                        List.of(List.of("Oslo", 1)))).isInstanceOf(ArgumentException.class)
                        .hasMessageContaining("executeMany(...)");
            }
            conn.commit();
        }
        assertThat(all()).containsExactly(List.of(1, "Ann", "Berlin"));
    }
}
