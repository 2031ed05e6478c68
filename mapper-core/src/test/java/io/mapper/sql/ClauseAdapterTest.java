package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.types.Types;

/**
 * {@link ClauseAdapter}: the columns of one table read from an alias of it (SQLAlchemy's
 * {@code test/sql/test_external_traversal.py} ClauseAdapterTest: columns of the table are replaced, those of other
 * tables and of the alias itself are not, subqueries are left alone).
 */
class ClauseAdapterTest {

    private static final TableAlias CATEGORY_1 = alias(CATEGORY, "category_1");

    private static String adapted(Condition condition) {
        return select(literal(1)).from(CATEGORY_1).where(ClauseAdapter.adapt(condition, CATEGORY, CATEGORY_1))
                .toString();
    }

    @Test
    void columnsOfTheTableAreReadFromTheAliasInEveryRebuiltConstruct() {
        assertThat(adapted(CATEGORY_NAME.eq("Books"))).endsWith("WHERE category_1.name = :name_1");
        assertThat(adapted(CATEGORY_NAME.in("a", "b").and(CATEGORY_ID.between(1L, 5L).not())))
                .endsWith("WHERE category_1.name IN (__[EXPANDING_name_1]) AND category_1.id NOT BETWEEN :id_1 "
                        + "AND :id_2");
        assertThat(adapted(lower(CATEGORY_NAME).like("b%").or(CATEGORY_PARENT.isNull())))
                .endsWith("WHERE LOWER(category_1.name) LIKE :param_2 OR category_1.parent_id IS NULL");
        assertThat(adapted(caseWhen(CATEGORY_ID.gt(2L), CATEGORY_NAME).otherwise(CATEGORY_NAME.concat("!"))
                .eq("x"))).contains("CASE WHEN category_1.id > :id_1 THEN category_1.name ELSE category_1.name || ");
        assertThat(adapted(CATEGORY_ID.plus(1L).cast(Types.INTEGER).eq(3)))
                .endsWith("WHERE CAST(category_1.id + :id_1 AS INTEGER) = :param_2");
    }

    @Test
    void otherTablesTheAliasItselfAndSubqueriesAreLeftAlone() {
        Condition mixed = CATEGORY_ID.eq(PRODUCT_CATEGORY).and(CATEGORY_1.column("name").eq("x"))
                .and(exists(select(CATEGORY_ID).where(CATEGORY_PARENT.eq(5L))));
        Condition adapted = ClauseAdapter.adapt(mixed, CATEGORY, CATEGORY_1);
        assertThat(adapted.toString()).isEqualTo("category_1.id = product.category_id AND category_1.name = :name_1 "
                + "AND EXISTS (SELECT category.id FROM category WHERE category.parent_id = :parent_id_1)");
        assertThat(ClauseAdapter.adapt(PRODUCT_PRICE.gt(new BigDecimal("2")), CATEGORY, CATEGORY_1))
                .isEqualTo(PRODUCT_PRICE.gt(new BigDecimal("2")));
    }

    @Test
    void aConstructItCannotRebuildIsRefusedWhenItNamesTheTable() {
        Condition windowed = rowNumber().over(java.util.List.of(CATEGORY_PARENT), java.util.List.of(), null).eq(1L);
        assertThatThrownBy(() -> ClauseAdapter.adapt(windowed, CATEGORY, CATEGORY_1))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Cannot read category.parent_id from the alias category_1 inside WindowFunction")
                .hasMessageContaining("Sql.alias(table, \"category_1\")");
        // Hand-written SQL is not parsed: it stays as written.
        assertThat(ClauseAdapter.adapt(text("category.id > 0").asCondition(), CATEGORY, CATEGORY_1).toString())
                .isEqualTo("(category.id > 0)");
    }
}
