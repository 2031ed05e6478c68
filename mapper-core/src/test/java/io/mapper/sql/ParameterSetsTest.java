package io.mapper.sql;

import static io.mapper.sql.Sql.column;
import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.types.Types;

/** Issue 14: how executeMany's parameter sets are keyed for the compiled statement. */
class ParameterSetsTest {

    private static final TableClause T = table("t", column("x", Types.INTEGER), column("x_1", Types.INTEGER),
            column("y", Types.INTEGER));

    @Test
    void setsByColumnNameAreKeyedByTheParameterOfThatColumn() {
        Insert template = insert(T).values(Map.of("x", 0, "x_1", 0));
        ParameterSets sets = ParameterSets.of(template, List.of(Map.of("x", 1, "x_1", 2)));
        assertThat(sets.sets()).containsExactly(Map.of("x_1", 1, "x_1_1", 2));
        assertThat(sets.rows()).containsExactly(Map.of("x", 1, "x_1", 2));
    }

    @Test
    void setsByParameterKeyStayAsTheyAreEvenWhereAKeyIsAlsoAColumnName() {
        Insert template = insert(T).values(Map.of("x", 0, "x_1", 0));
        ParameterSets sets = ParameterSets.of(template, List.of(Map.of("x_1", 1, "x_1_1", 2)));
        assertThat(sets.sets()).containsExactly(Map.of("x_1", 1, "x_1_1", 2));
        // With RETURNING, the rows of the multi-row VALUES carry the same values by column.
        ParameterSets returning = ParameterSets.of(template.returning(T.column("x")),
                List.of(Map.of("x_1", 1, "x_1_1", 2)));
        assertThat(returning.rows()).containsExactly(Map.of("x", 1, "x_1", 2));
    }

    @Test
    void anInsertWithoutValuesTakesTheFirstSetsColumnsAndRequiresThemAll() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("y", null);
        withNull.put("x", 3);
        ParameterSets sets = ParameterSets.of(insert(T), List.of(Map.of("x", 1, "y", 2), withNull));
        assertThat(((Insert) sets.statement()).columns()).extracting(ColumnClause::name).containsExactly("x", "y");
        assertThatThrownBy(() -> ParameterSets.of(insert(T), List.of(Map.of("x", 1, "y", 2), Map.of("x", 1))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("Parameter set 2")
                .hasMessageContaining("no value for [y]");
    }
}
