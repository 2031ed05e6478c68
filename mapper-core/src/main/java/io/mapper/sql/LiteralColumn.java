package io.mapper.sql;

import java.util.Objects;

import io.mapper.exception.ArgumentException;
import io.mapper.types.SqlType;

/**
 * A piece of SQL written as is and used as a column expression (SQLAlchemy's {@code literal_column}): rendered
 * verbatim, never bound, so the same text repeated in SELECT, GROUP BY and OVER is one expression to the database.
 * Never build the text from user input; for a constant value use {@link Sql#inlineLiteral(Object)}, which quotes it.
 *
 * <pre>{@code
 * // SELECT 'A' || customer.name, count(*) FROM customer GROUP BY 'A' || customer.name
 * }</pre>
 *
 * @param sql the SQL text, rendered verbatim
 * @param type the SQL type of its values
 * @param <T> the Java type of its values
 */
public record LiteralColumn<T>(String sql, SqlType<T> type) implements Expression<T> {

    public LiteralColumn {
        Objects.requireNonNull(sql, "the SQL of a literal column must not be null");
        Objects.requireNonNull(type, "the type of a literal column must not be null; use Types.TEXT, Types.INTEGER, ...");
        if (sql.isBlank()) {
            throw new ArgumentException("literalColumn(\"\") has no SQL; give the expression's text, such as \"1\" or "
                    + "\"'YYYY-MM'\".");
        }
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitLiteralColumn(this);
    }

    @Override
    public String toString() {
        return sql;
    }
}
