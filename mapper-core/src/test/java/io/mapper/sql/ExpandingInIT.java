package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.engine.CompiledCacheStats;
import io.mapper.engine.Connection;
import io.mapper.engine.Row;
import io.mapper.exception.ArgumentException;
import io.mapper.types.Types;

/**
 * {@code x IN (...)} over plain values is one expanding parameter, written out per execution: the scenarios of
 * SQLAlchemy's {@code test/sql/test_query.py} ({@code test_expanding_in*}) and of its dialect suite's
 * {@code ExpandingBoundInTest} ({@code lib/sqlalchemy/testing/suite/test_select.py}), on every backend.
 */
class ExpandingInIT extends StoreTest {

    private List<Object> names(Select select, Map<String, ?> parameters) {
        try (Connection conn = engine().connect()) {
            List<Object> names = new ArrayList<>();
            for (Row row : conn.execute(select, parameters).all()) {
                names.add(row.get(0));
            }
            return names;
        }
    }

    /** test_query.py: test_expanding_in; one compiled form serves every length, and an empty list matches nothing. */
    @Test
    void oneStatementTakesListsOfAnyLengthAtExecution() {
        Select byName = select(CUSTOMER_NAME).where(CUSTOMER_NAME.in("Ann")).orderBy(CUSTOMER_ID);
        CompiledCacheStats before = engine().compiledCacheStats();
        recorder.clear();
        assertThat(names(byName, Map.of("name_1", List.of("Ann")))).containsExactly("Ann");
        assertThat(names(byName, Map.of("name_1", List.of("Ann", "Bob")))).containsExactly("Ann", "Bob");
        assertThat(names(byName, Map.of("name_1", List.of()))).isEmpty();
        assertThat(names(byName, Map.of("name_1", java.util.Set.of("Cleo")))).containsExactly("Cleo");
        CompiledCacheStats after = engine().compiledCacheStats();
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.hits() - before.hits()).isEqualTo(3);
        String prefix = "SELECT customer.name FROM customer WHERE ";
        assertThat(recorder.sql()).containsExactly(
                prefix + "customer.name IN (?) ORDER BY customer.id",
                prefix + "customer.name IN (?, ?) ORDER BY customer.id",
                prefix + "1 = 0 ORDER BY customer.id",
                prefix + "customer.name IN (?) ORDER BY customer.id");
        assertThat(recorder.statements().get(1).parameters()).containsExactly("Ann", "Bob");
    }

    /** test_query.py: test_expanding_in_multiple. */
    @Test
    void twoExpandingInsInOneStatement() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_NAME.in("Ann", "Bob", "Cleo"), CUSTOMER_ID.in(2L, 3L))
                .orderBy(CUSTOMER_ID);
        assertThat(names(select, Map.of())).containsExactly("Bob", "Cleo");
        assertThat(names(select, Map.of("name_1", List.of("Dan"), "id_1", List.of(1L, 4L)))).containsExactly("Dan");
    }

    /** test_query.py: test_expanding_in_repeated: expanding INs inside OR, in both parts of a UNION. */
    @Test
    void expandingInsRepeatedAcrossAUnion() {
        CompoundSelect union = select(CUSTOMER_NAME, CUSTOMER_ID)
                .where(CUSTOMER_NAME.in("Ann", "Bob").or(CUSTOMER_NAME.in("Cleo")), CUSTOMER_ID.eq(2L))
                .union(select(CUSTOMER_NAME, CUSTOMER_ID)
                        .where(CUSTOMER_NAME.in("Ann", "Bob").or(CUSTOMER_NAME.in("Cleo")), CUSTOMER_ID.eq(3L)))
                .orderBy(literalColumn("id"));
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(union).all()).extracting(row -> row.get(0)).containsExactly("Bob", "Cleo");
        }
    }

    /** test_select.py: test_multiple_empty_sets_bindparam. */
    @Test
    void twoEmptyListsInOneStatement() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L), CUSTOMER_COUNTRY.in("DE"));
        assertThat(names(select, Map.of("id_1", List.of(), "country_1", List.of()))).isEmpty();
    }

    /** test_select.py: test_empty_in_plus_notempty_notin and test_nonempty_in_plus_empty_notin. */
    @Test
    void emptyAndNonEmptyListsOfInAndNotIn() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L), CUSTOMER_ID.notIn(2L)).orderBy(CUSTOMER_ID);
        assertThat(names(select, Map.of("id_1", List.of(), "id_2", List.of(2L, 3L)))).isEmpty();
        assertThat(names(select, Map.of("id_1", List.of(2L, 3L), "id_2", List.of()))).containsExactly("Bob", "Cleo");
        // test_select.py: test_empty_set_against_string_negation_bindparam: NOT IN nothing keeps every row.
        Select negated = select(CUSTOMER_NAME).where(CUSTOMER_NAME.notIn("x")).orderBy(CUSTOMER_ID);
        assertThat(names(negated, Map.of("name_1", List.of()))).containsExactly("Ann", "Bob", "Cleo", "Dan");
    }

    /**
     * An empty list replaces the whole condition, so the placeholders of its left side go too; NULL IN nothing is
     * false, not unknown (test_select.py: test_null_in_empty_set_is_false_bindparam).
     */
    @Test
    void anEmptyListDropsTheWholeConditionWithItsOperandsPlaceholders() {
        Select shifted = select(CUSTOMER_NAME).where(CUSTOMER_ID.plus(1L).in(2L, 3L)).orderBy(CUSTOMER_ID);
        assertThat(names(shifted, Map.of())).containsExactly("Ann", "Bob");
        List<String> keys = shifted.compile(engine().dialect()).parameterKeys();
        assertThat(keys).hasSize(2);    // the 1 of id + 1, and the list
        recorder.clear();
        assertThat(names(shifted, Map.of(keys.get(1), List.of()))).isEmpty();
        assertThat(recorder.statements().get(0).parameters()).isEmpty();
        Select nulls = select(caseWhen(literal(null, Types.BIGINT).in(1L), 1).otherwise(0).label("matched"));
        try (Connection conn = engine().connect()) {
            String key = nulls.compile(engine().dialect()).parameterKeys().get(1);    // NULL, the list, 1, 0
            assertThat(((Number) conn.execute(nulls, Map.of(key, List.of())).one().get(0)).intValue())
                    .isZero();
        }
    }

    /** More values than the select-in loader's chunks, bound one by one. */
    @Test
    void aLongListIsWrittenOutInFull() {
        List<Long> ids = new ArrayList<>();
        for (long id = 0; id < 2_000; id++) {
            ids.add(id);
        }
        assertThat(names(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(ids)).orderBy(CUSTOMER_ID), Map.of()))
                .containsExactly("Ann", "Bob", "Cleo", "Dan");
    }

    /** test_query.py: test_expanding_in (its executemany part): one batch runs one SQL text. */
    @Test
    void executeManyTakesListsOfOneLengthAndRefusesOthers() {
        Update rename = update(CUSTOMER).set(CUSTOMER_NICKNAME, "n").where(CUSTOMER_NAME.in("x"));
        try (Connection conn = engine().connect()) {
            conn.executeMany(rename, List.of(Map.of("nickname", "A1", "name_1", List.of("Ann")),
                    Map.of("nickname", "B1", "name_1", List.of("Bob"))));
            conn.commit();
            assertThatThrownBy(() -> conn.executeMany(rename, List.of(
                    Map.of("nickname", "A2", "name_1", List.of("Ann")),
                    Map.of("nickname", "C2", "name_1", List.of("Cleo", "Dan")))))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("IN lists of different lengths")
                    .hasMessageContaining("run execute(...) once per set");
            conn.rollback();
            assertThat(conn.execute(select(CUSTOMER_NICKNAME).where(CUSTOMER_ID.le(3L)).orderBy(CUSTOMER_ID)).all())
                    .extracting(row -> row.get(0)).containsExactly("A1", "B1", null);
        }
    }

    /** A value that is not a collection, or a null in one, is refused before anything runs. */
    @Test
    void aListThatIsNotOneOrHoldsANullIsRefusedBeforeItRuns() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L));
        recorder.clear();
        assertThatThrownBy(() -> names(select, Map.of("id_1", 1L)))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining(":id_1 holds the values of an IN")
                .hasMessageContaining("takes a collection (List.of(...)), not a Long");
        assertThatThrownBy(() -> names(select, Map.of("id_1", java.util.Arrays.asList(1L, null))))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("A null in the values of :id_1 (IN) never matches")
                .hasMessageContaining("isNull()");
        assertThat(recorder.statements()).isEmpty();
    }
}
