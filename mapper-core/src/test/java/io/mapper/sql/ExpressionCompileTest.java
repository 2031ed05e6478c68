package io.mapper.sql;

import static io.mapper.sql.Sql.*;
import static io.mapper.testing.CompileAssertions.*;
import static io.mapper.testing.Store.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.types.Types;

/** Operators, functions and expressions compile to the exact SQL of each dialect. */
class ExpressionCompileTest {

    private static Select where(Condition condition) {
        return select(CUSTOMER_ID).where(condition);
    }

    @Test
    void comparisonsAndNullChecks() {
        assertCompilesEverywhere(where(CUSTOMER_NAME.eq("Ann").and(CUSTOMER_ID.ne(1L), CUSTOMER_ID.lt(2L),
                CUSTOMER_ID.le(3L), CUSTOMER_ID.gt(4L), CUSTOMER_ID.ge(5L))),
                "SELECT customer.id FROM customer WHERE customer.name = ? AND customer.id <> ? AND customer.id < ? "
                        + "AND customer.id <= ? AND customer.id > ? AND customer.id >= ?");
        assertCompilesEverywhere(where(CUSTOMER_COUNTRY.eq(null).or(CUSTOMER_NICKNAME.ne(null))),
                "SELECT customer.id FROM customer WHERE customer.country IS NULL OR customer.nickname IS NOT NULL");
        assertCompilesEverywhere(where(CUSTOMER_COUNTRY.isNull().not()),
                "SELECT customer.id FROM customer WHERE customer.country IS NOT NULL");
        assertCompilesEverywhere(where(CUSTOMER_NAME.eq(CUSTOMER_NICKNAME)),
                "SELECT customer.id FROM customer WHERE customer.name = customer.nickname");
    }

    @Test
    void inNotInAndEmptyLists() {
        // Plain values: one expanding marker, written out per execution (ExpandingInTest).
        assertCompilesEverywhere(where(CUSTOMER_ID.in(1L, 2L, 3L)),
                "SELECT customer.id FROM customer WHERE customer.id IN (__[EXPANDING_id_1])");
        assertCompilesEverywhere(where(CUSTOMER_ID.notIn(List.of(1L))),
                "SELECT customer.id FROM customer WHERE customer.id NOT IN (__[EXPANDING_id_1])");
        // Expressions among the values: one placeholder or expression each, at compile time.
        assertCompilesEverywhere(where(CUSTOMER_ID.in(CUSTOMER_ID, 2L)),
                "SELECT customer.id FROM customer WHERE customer.id IN (customer.id, ?)");
        assertCompilesEverywhere(where(CUSTOMER_ID.in(List.of())), "SELECT customer.id FROM customer WHERE 1 = 0");
        assertCompilesEverywhere(where(CUSTOMER_ID.notIn()), "SELECT customer.id FROM customer WHERE 1 = 1");
        assertCompilesEverywhere(where(CUSTOMER_ID.in(select(ORDERS_CUSTOMER).where(ORDERS_ID.gt(5L)))),
                "SELECT customer.id FROM customer WHERE customer.id IN (SELECT orders.customer_id FROM orders WHERE "
                        + "orders.id > ?)");
    }

    @Test
    void betweenAndBooleanCombinations() {
        assertCompilesEverywhere(where(CUSTOMER_ID.between(1, 5)),
                "SELECT customer.id FROM customer WHERE customer.id BETWEEN ? AND ?");
        assertCompilesEverywhere(where(and(CUSTOMER_ID.eq(1L), or(CUSTOMER_NAME.eq("a"), CUSTOMER_NAME.eq("b")))),
                "SELECT customer.id FROM customer WHERE customer.id = ? AND (customer.name = ? OR customer.name = ?)");
        assertCompilesEverywhere(where(not(CUSTOMER_ID.eq(1L).and(CUSTOMER_ID.eq(2L)))),
                "SELECT customer.id FROM customer WHERE NOT (customer.id = ? AND customer.id = ?)");
        assertCompilesEverywhere(where(and()), "SELECT customer.id FROM customer WHERE 1 = 1");
        assertCompilesEverywhere(where(or()), "SELECT customer.id FROM customer WHERE 1 = 0");
    }

    @Test
    void likeFamilyEscapesWildcardsAndEmulatesIlike() {
        assertCompilesEverywhere(where(CUSTOMER_NAME.like("A%")),
                "SELECT customer.id FROM customer WHERE customer.name LIKE ?");
        assertCompilesEverywhere(where(CUSTOMER_NAME.like("A!%%", '!')),
                "SELECT customer.id FROM customer WHERE customer.name LIKE ? ESCAPE '!'");
        assertCompilesEverywhere(where(CUSTOMER_NAME.contains("50%_off")),
                "SELECT customer.id FROM customer WHERE customer.name LIKE ? ESCAPE '/'");
        assertThat(parameters(where(CUSTOMER_NAME.contains("50%_off/x")), H2)).containsExactly("%50/%/_off//x%");
        assertThat(parameters(where(CUSTOMER_NAME.startsWith("a_")), H2)).containsExactly("a/_%");
        assertThat(parameters(where(CUSTOMER_NAME.endsWith("%")), H2)).containsExactly("%/%");
        assertCompiles(where(CUSTOMER_NAME.ilike("%ann%")),
                "SELECT customer.id FROM customer WHERE customer.name ILIKE ?",
                "SELECT customer.id FROM customer WHERE LOWER(customer.name) LIKE LOWER(?)",
                "SELECT customer.id FROM customer WHERE customer.name ILIKE ?",
                "SELECT customer.id FROM customer WHERE LOWER(customer.name) LIKE LOWER(?)");
        assertCompiles(where(CUSTOMER_NAME.ilike("%ann%").not()),
                "SELECT customer.id FROM customer WHERE customer.name NOT ILIKE ?",
                "SELECT customer.id FROM customer WHERE LOWER(customer.name) NOT LIKE LOWER(?)",
                "SELECT customer.id FROM customer WHERE customer.name NOT ILIKE ?",
                "SELECT customer.id FROM customer WHERE LOWER(customer.name) NOT LIKE LOWER(?)");
        assertCompilesEverywhere(where(CUSTOMER_NAME.notLike("A%")),
                "SELECT customer.id FROM customer WHERE customer.name NOT LIKE ?");
    }

    @Test
    void arithmeticConcatenationLabelsAndCasts() {
        assertCompilesEverywhere(select(PRODUCT_PRICE.times(PRODUCT_STOCK).plus(1).label("stock_value")),
                "SELECT (product.price * product.stock) + ? AS stock_value FROM product");
        assertCompilesEverywhere(select(PRODUCT_STOCK.minus(1).dividedBy(2)),
                "SELECT (product.stock - ?) / ? FROM product");
        assertCompiles(select(CUSTOMER_NAME.concat("!")),
                "SELECT customer.name || ? FROM customer", "SELECT customer.name || ? FROM customer",
                "SELECT customer.name || ? FROM customer", "SELECT CONCAT(customer.name, ?) FROM customer");
        assertCompiles(select(PRODUCT_STOCK.cast(Types.string(10)), PRODUCT_NAME.cast(Types.INTEGER),
                        PRODUCT_STOCK.cast(Types.DOUBLE), PRODUCT_STOCK.cast(MONEY)),
                "SELECT CAST(product.stock AS VARCHAR(10)), CAST(product.name AS INTEGER), CAST(product.stock AS "
                        + "DOUBLE PRECISION), CAST(product.stock AS NUMERIC(10, 2)) FROM product",
                "SELECT CAST(product.stock AS VARCHAR(10)), CAST(product.name AS INTEGER), CAST(product.stock AS "
                        + "DOUBLE PRECISION), CAST(product.stock AS NUMERIC(10, 2)) FROM product",
                "SELECT CAST(product.stock AS VARCHAR(10)), CAST(product.name AS INTEGER), CAST(product.stock AS "
                        + "DOUBLE PRECISION), CAST(product.stock AS NUMERIC(10, 2)) FROM product",
                "SELECT CAST(product.stock AS CHAR(10)), CAST(product.name AS SIGNED), CAST(product.stock AS "
                        + "DOUBLE), CAST(product.stock AS DECIMAL(10, 2)) FROM product");
    }

    @Test
    void literalsAreAlwaysBound() {
        Select select = select(literal("it's"), literal(42L, Types.BIGINT).label("answer"));
        assertCompilesEverywhere(select, "SELECT ?, ? AS answer");
        assertThat(parameters(select, POSTGRESQL)).containsExactly("it's", 42L);
        assertThat(compile(select, POSTGRESQL).parameterTypes()).containsExactly(Types.TEXT, Types.BIGINT);
        assertThat(compile(select(literal(new Object() {
        })), POSTGRESQL).parameterTypes()).containsExactly((io.mapper.types.SqlType<?>) null);
    }

    @Test
    void functions() {
        assertCompilesEverywhere(select(count(), count(CUSTOMER_EMAIL), countDistinct(CUSTOMER_COUNTRY)),
                "SELECT COUNT(*), COUNT(customer.email), COUNT(DISTINCT customer.country) FROM customer");
        assertCompilesEverywhere(select(sum(PRODUCT_STOCK), min(PRODUCT_PRICE), max(PRODUCT_PRICE),
                avg(PRODUCT_PRICE)), "SELECT SUM(product.stock), MIN(product.price), MAX(product.price), "
                        + "AVG(product.price) FROM product");
        assertCompilesEverywhere(select(coalesce(CUSTOMER_NICKNAME, CUSTOMER_NAME, "?"), lower(CUSTOMER_NAME),
                upper(CUSTOMER_NAME)), "SELECT COALESCE(customer.nickname, customer.name, ?), LOWER(customer.name), "
                        + "UPPER(customer.name) FROM customer");
        assertCompilesEverywhere(select(func("length", Types.INTEGER, CUSTOMER_NAME), func("round", MONEY,
                PRODUCT_PRICE, 1)), "SELECT length(customer.name), round(product.price, ?) FROM customer, product");
        assertCompiles(select(now()), "SELECT CURRENT_TIMESTAMP", "SELECT RTRIM(RTRIM(STRFTIME('%Y-%m-%d %H:%M:%f', 'now'), '0'), '.')",
                "SELECT CURRENT_TIMESTAMP", "SELECT CURRENT_TIMESTAMP(6)");
        assertThatThrownBy(() -> func("drop table x;--", Types.INTEGER)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("not a valid SQL function name");
    }

    @Test
    void caseExpressions() {
        assertCompilesEverywhere(select(caseWhen(PRODUCT_STOCK.eq(0), "sold out").when(PRODUCT_STOCK.lt(10), "low")
                .otherwise("plenty").label("availability")), "SELECT CASE WHEN product.stock = ? THEN ? WHEN "
                        + "product.stock < ? THEN ? ELSE ? END AS availability FROM product");
        assertCompilesEverywhere(select(caseWhen(PRODUCT_STOCK.gt(0), PRODUCT_PRICE).otherwise(BigDecimal.ZERO)),
                "SELECT CASE WHEN product.stock > ? THEN product.price ELSE ? END FROM product");
    }

    @Test
    void windowFunctions() {
        assertCompilesEverywhere(select(rowNumber().over(List.of(PRODUCT_CATEGORY), List.of(PRODUCT_PRICE.desc()),
                null)), "SELECT ROW_NUMBER() OVER (PARTITION BY product.category_id ORDER BY product.price DESC) "
                        + "FROM product");
        assertCompilesEverywhere(select(sum(PRODUCT_STOCK).over(List.of(), List.of(PRODUCT_ID.asc()),
                rows(WindowFrame.Bound.preceding(2), WindowFrame.Bound.CURRENT_ROW)).label("moving")),
                "SELECT SUM(product.stock) OVER (ORDER BY product.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS "
                        + "moving FROM product");
        assertCompilesEverywhere(select(rank().overPartition(PRODUCT_CATEGORY), count().over(),
                sum(PRODUCT_STOCK).over(List.of(), List.of(), WindowFrame.range(WindowFrame.Bound.UNBOUNDED_PRECEDING,
                        WindowFrame.Bound.UNBOUNDED_FOLLOWING))),
                "SELECT RANK() OVER (PARTITION BY product.category_id), COUNT(*) OVER (), SUM(product.stock) OVER "
                        + "(RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM product");
    }

    @Test
    void typesAreCheckedWhereTheExpressionIsBuilt() {
        assertThatThrownBy(() -> PRODUCT_STOCK.eq("ten")).isInstanceOf(ArgumentException.class)
                .hasMessage("Type mismatch in product.stock = ...: product.stock holds Integer values (INTEGER), but a "
                        + "String was given. Pass a value of type Integer, or cast() one side to the other's type.");
        assertThatThrownBy(() -> PRODUCT_PRICE.between("a", "b")).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> CUSTOMER_ID.in(1L, null)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("isNull()");
        assertThatThrownBy(() -> PRODUCT_STOCK.eq(1.5)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Integer");
        // Numbers convert exactly between number types.
        assertThat(parameters(where(CUSTOMER_ID.eq(7)), H2)).containsExactly(7L);
        assertThat(parameters(select(PRODUCT_ID).where(PRODUCT_PRICE.gt(10)), H2)).containsExactly(BigDecimal.TEN);
    }
}
