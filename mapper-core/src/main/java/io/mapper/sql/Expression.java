package io.mapper.sql;

import io.mapper.types.SqlType;

/**
 * A SQL expression whose values have the Java type {@code T}: a column, a bound value, a function call, an
 * operation. Expressions are immutable; the operator methods return new expressions.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> extends ClauseElement {

    /** The SQL type of the expression's values. */
    SqlType<T> type();
}
