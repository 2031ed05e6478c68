package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.CompileAssertions.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.compiler.CompiledStatement;
import io.mapper.exception.CompileException;

/**
 * How an expanding IN is written out for its values (SQLAlchemy's {@code test/sql/test_compiler.py}:
 * {@code test_expanding_parameter}, {@code test_render_expanding_parameter}, {@code test_expanding_in_repeated}).
 */
class ExpandingInTest {

    private static CompiledStatement.Expanded run(Executable statement, Map<String, ?> parameters) {
        CompiledStatement compiled = compile(statement, POSTGRESQL);
        return compiled.expand(compiled.bindValues(statement.boundValues(), parameters));
    }

    @Test
    void theMarkerBecomesOnePlaceholderPerValueAndTheOtherValuesKeepTheirPlaces() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_NAME.eq("Ann"), CUSTOMER_ID.in(3L, 4L, 5L),
                CUSTOMER_COUNTRY.eq("DE"));
        assertThat(compile(select, POSTGRESQL).expands()).isTrue();
        CompiledStatement.Expanded expanded = run(select, Map.of());
        assertThat(expanded.statement().sql()).isEqualTo("SELECT customer.name FROM customer WHERE customer.name = ? "
                + "AND customer.id IN (?, ?, ?) AND customer.country = ?");
        assertThat(expanded.statement().expands()).isFalse();
        assertThat(expanded.values()).containsExactly("Ann", 3L, 4L, 5L, "DE");
        assertThat(expanded.statement().parameterKeys()).containsExactly("name_1", "id_1_1", "id_1_2", "id_1_3",
                "country_1");
    }

    @Test
    void aStatementWithoutExpandingInIsItsOwnExpansion() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_ID.eq(1L));
        CompiledStatement compiled = compile(select, POSTGRESQL);
        assertThat(compiled.expands()).isFalse();
        assertThat(compiled.expand(compiled.bindValues(select.boundValues(), Map.of())).statement()).isSameAs(compiled);
    }

    @Test
    void theWritingsOfTheLastTwoLengthsAreKeptAndShareTheStatementsExecutionCache() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_ID.in(1L));
        CompiledStatement compiled = compile(select, POSTGRESQL);
        CompiledStatement two = compiled.expand(List.of(List.of(1L, 2L))).statement();
        CompiledStatement three = compiled.expand(List.of(List.of(1L, 2L, 3L))).statement();
        assertThat(compiled.expand(List.of(List.of(7L, 8L))).statement()).isSameAs(two);
        assertThat(compiled.expand(List.of(List.of(7L, 8L, 9L))).statement()).isSameAs(three);
        Object derived = new Object();
        two.executionCache(derived);
        assertThat(compiled.executionCache()).isSameAs(derived);
        assertThat(three.executionCache()).isSameAs(derived);
    }

    @Test
    void anEmptyListReplacesTheWholeConditionAsACompiledEmptyInWould() {
        Select select = select(CUSTOMER_NAME).where(CUSTOMER_NAME.concat("!").in("Ann!"), CUSTOMER_ID.notIn(1L),
                CUSTOMER_COUNTRY.eq("DE"));
        List<String> keys = compile(select, POSTGRESQL).parameterKeys();
        assertThat(keys).hasSize(4);    // "!", the names, the ids, "DE"
        CompiledStatement.Expanded expanded = run(select, Map.of(keys.get(1), List.of(), keys.get(2), List.of()));
        assertThat(expanded.statement().sql())
                .isEqualTo("SELECT customer.name FROM customer WHERE 1 = 0 AND 1 = 1 AND customer.country = ?");
        assertThat(expanded.values()).containsExactly("DE");
        assertThat(compile(select(CUSTOMER_NAME).where(CUSTOMER_ID.in(List.of())), POSTGRESQL).sql())
                .isEqualTo("SELECT customer.name FROM customer WHERE 1 = 0");
    }

    @Test
    void anInInsideTheLeftSideOfAnotherIsWrittenOrDroppedWithIt() {
        Expression<Integer> flag = caseWhen(CUSTOMER_ID.in(1L, 2L), 1).otherwise(0);
        Select select = select(CUSTOMER_NAME).where(flag.in(1), CUSTOMER_ID.gt(0L));
        List<String> keys = compile(select, POSTGRESQL).parameterKeys();
        assertThat(keys).hasSize(5);    // the inner list, 1, 0, the outer list, 0
        CompiledStatement.Expanded both = run(select, Map.of());
        assertThat(both.statement().sql()).isEqualTo("SELECT customer.name FROM customer WHERE CASE WHEN customer.id "
                + "IN (?, ?) THEN ? ELSE ? END IN (?) AND customer.id > ?");
        assertThat(both.values()).containsExactly(1L, 2L, 1, 0, 1, 0L);
        CompiledStatement.Expanded innerEmpty = run(select, Map.of(keys.get(0), List.of()));
        assertThat(innerEmpty.statement().sql()).isEqualTo("SELECT customer.name FROM customer WHERE CASE WHEN 1 = 0 "
                + "THEN ? ELSE ? END IN (?) AND customer.id > ?");
        assertThat(innerEmpty.values()).containsExactly(1, 0, 1, 0L);
        CompiledStatement.Expanded outerEmpty = run(select, Map.of(keys.get(3), List.of()));
        assertThat(outerEmpty.statement().sql())
                .isEqualTo("SELECT customer.name FROM customer WHERE 1 = 0 AND customer.id > ?");
        assertThat(outerEmpty.values()).containsExactly(0L);
    }

    @Test
    void onlyPlainValuesOfTheColumnsTypeExpand() {
        assertThat(((InCondition) CUSTOMER_ID.in(1L, 2L)).expanding()).isTrue();
        assertThat(((InCondition) CUSTOMER_ID.in(1L, CUSTOMER_ID)).expanding()).isFalse();
        assertThat(((InCondition) CUSTOMER_ID.in(List.of())).expanding()).isFalse();
        assertThat(((InCondition) CUSTOMER_ID.in(select(ORDERS_CUSTOMER))).expanding()).isFalse();
        assertThat(((InCondition) CUSTOMER_ID.in(1L, 2L)).elements()).extracting(e -> (Object) ((BindParameter<?>) e).value())
                .containsExactly(1L, 2L);
    }

    @Test
    void anExpandingParameterOutsideItsInIsRefused() {
        Expression<?> list = ((InCondition) CUSTOMER_ID.in(1L, 2L)).values().get(0);
        assertThatThrownBy(() -> compile(select(CUSTOMER_NAME).where(CUSTOMER_ID.eq(list)), POSTGRESQL))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("holds the values of an IN and can only be used as such");
    }
}
