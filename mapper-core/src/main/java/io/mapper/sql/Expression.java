package io.mapper.sql;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.types.SqlType;
import io.mapper.types.Types;

/**
 * A SQL expression whose values have the Java type {@code T}: a column, a bound value, a function call, an
 * operation. Expressions are immutable; the operator methods return new expressions.
 *
 * <p>A plain Java value given to an operator is bound as a parameter of this expression's type; its Java type is
 * checked where the expression is built, so comparing an INTEGER column with a string fails at once with an
 * {@link io.mapper.exception.ArgumentException} naming both types. Numbers are converted exactly between number
 * types ({@code id.eq(5)} on a BIGINT column binds {@code 5L}).
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> extends ClauseElement {

    /** The SQL type of the expression's values. */
    SqlType<T> type();

    /** {@code x = :x_1}; {@code eq(null)} renders {@code x IS NULL}. */
    default Condition eq(@Nullable Object value) {
        return value == null ? new NullCheck(this, false) : Coercions.compare(this, ComparisonOperator.EQ, value);
    }

    /** {@code x <> :x_1}; {@code ne(null)} renders {@code x IS NOT NULL}. */
    default Condition ne(@Nullable Object value) {
        return value == null ? new NullCheck(this, true) : Coercions.compare(this, ComparisonOperator.NE, value);
    }

    /** {@code x < :x_1}. */
    default Condition lt(Object value) {
        return Coercions.compare(this, ComparisonOperator.LT, value);
    }

    /** {@code x <= :x_1}. */
    default Condition le(Object value) {
        return Coercions.compare(this, ComparisonOperator.LE, value);
    }

    /** {@code x > :x_1}. */
    default Condition gt(Object value) {
        return Coercions.compare(this, ComparisonOperator.GT, value);
    }

    /** {@code x >= :x_1}. */
    default Condition ge(Object value) {
        return Coercions.compare(this, ComparisonOperator.GE, value);
    }

    /** {@code x IS NULL}. */
    default Condition isNull() {
        return new NullCheck(this, false);
    }

    /** {@code x IS NOT NULL}. */
    default Condition isNotNull() {
        return new NullCheck(this, true);
    }

    /**
     * {@code x IN (:x_1, :x_2)}; no values at all compile to a condition that is always false. Plain values are held
     * by one expanding parameter (see {@link InCondition}), so the statement compiles once for any number of them.
     */
    default Condition in(Object... values) {
        return in(Arrays.asList(values));
    }

    /** {@code x IN (:x_1, :x_2)}; an empty collection compiles to a condition that is always false. */
    default Condition in(Collection<?> values) {
        return new InCondition(this, Coercions.inValues(this, values, "IN"), null, false);
    }

    /** {@code x IN (SELECT ...)}. */
    default Condition in(SelectBase subquery) {
        return new InCondition(this, List.of(), subquery, false);
    }

    /** {@code x NOT IN (:x_1, :x_2)}; an empty collection compiles to a condition that is always true. */
    default Condition notIn(Object... values) {
        return notIn(Arrays.asList(values));
    }

    /** {@code x NOT IN (:x_1, :x_2)}; an empty collection compiles to a condition that is always true. */
    default Condition notIn(Collection<?> values) {
        return new InCondition(this, Coercions.inValues(this, values, "NOT IN"), null, true);
    }

    /** {@code x NOT IN (SELECT ...)}. */
    default Condition notIn(SelectBase subquery) {
        return new InCondition(this, List.of(), subquery, true);
    }

    /** {@code x BETWEEN :x_1 AND :x_2}. */
    default Condition between(Object lower, Object upper) {
        return new Between(this, Coercions.value(this, lower, "BETWEEN"), Coercions.value(this, upper, "BETWEEN"),
                false);
    }

    /** {@code x NOT BETWEEN :x_1 AND :x_2}. */
    default Condition notBetween(Object lower, Object upper) {
        return new Between(this, Coercions.value(this, lower, "NOT BETWEEN"),
                Coercions.value(this, upper, "NOT BETWEEN"), true);
    }

    /** {@code x LIKE :x_1}: the pattern's {@code %} and {@code _} are wildcards. */
    default Condition like(String pattern) {
        return new LikeCondition(this, Coercions.pattern(this, pattern), null, false, false);
    }

    /** {@code x LIKE :x_1 ESCAPE '/'}: a wildcard preceded by {@code escape} matches itself. */
    default Condition like(String pattern, char escape) {
        return new LikeCondition(this, Coercions.pattern(this, pattern), escape, false, false);
    }

    /** {@code x NOT LIKE :x_1}. */
    default Condition notLike(String pattern) {
        return new LikeCondition(this, Coercions.pattern(this, pattern), null, false, true);
    }

    /** Case-insensitive LIKE: {@code x ILIKE :x_1} where the database has it, else {@code lower(x) LIKE lower(:x_1)}. */
    default Condition ilike(String pattern) {
        return new LikeCondition(this, Coercions.pattern(this, pattern), null, true, false);
    }

    /** {@code x LIKE '%' || :x_1 || '%'} in effect: matches {@code text} anywhere, its wildcards escaped. */
    default Condition contains(String text) {
        return new LikeCondition(this, Coercions.pattern(this, "%" + LikeCondition.escape(text) + "%"),
                LikeCondition.ESCAPE, false, false);
    }

    /** Matches values beginning with {@code text}, its wildcards escaped. */
    default Condition startsWith(String text) {
        return new LikeCondition(this, Coercions.pattern(this, LikeCondition.escape(text) + "%"),
                LikeCondition.ESCAPE, false, false);
    }

    /** Matches values ending with {@code text}, its wildcards escaped. */
    default Condition endsWith(String text) {
        return new LikeCondition(this, Coercions.pattern(this, "%" + LikeCondition.escape(text)),
                LikeCondition.ESCAPE, false, false);
    }

    /** {@code x + :x_1}. */
    default Expression<T> plus(Object value) {
        return Coercions.arithmetic(this, ArithmeticOperator.PLUS, value);
    }

    /** {@code x - :x_1}. */
    default Expression<T> minus(Object value) {
        return Coercions.arithmetic(this, ArithmeticOperator.MINUS, value);
    }

    /** {@code x * :x_1}. */
    default Expression<T> times(Object value) {
        return Coercions.arithmetic(this, ArithmeticOperator.MULTIPLY, value);
    }

    /** {@code x / :x_1}; integer division on integer operands, as the database does it. */
    default Expression<T> dividedBy(Object value) {
        return Coercions.arithmetic(this, ArithmeticOperator.DIVIDE, value);
    }

    /** String concatenation: {@code x || :x_1} ({@code CONCAT(x, :x_1)} on MySQL). */
    default Expression<String> concat(Object value) {
        Expression<?> right = value instanceof Expression<?> expression ? expression
                : new BindParameter<>(Coercions.baseName(this), Types.TEXT, value.toString(), true);
        return new Arithmetic<>(this, ArithmeticOperator.CONCAT, right, Types.TEXT);
    }

    /** {@code x AS name} in a columns clause; the name in ORDER BY and GROUP BY. */
    default Label<T> label(String name) {
        return new Label<>(name, this);
    }

    /** {@code x ASC}. */
    default OrderByElement asc() {
        return new OrderByElement(this, false, OrderByElement.Nulls.DEFAULT);
    }

    /** {@code x DESC}. */
    default OrderByElement desc() {
        return new OrderByElement(this, true, OrderByElement.Nulls.DEFAULT);
    }

    /** {@code CAST(x AS type)}, with the type name the dialect uses for casts. */
    default <R> Expression<R> cast(SqlType<R> type) {
        return new Cast<>(this, type);
    }
}
