package io.mapper.sql;

import java.math.BigDecimal;
import java.util.Objects;

import io.mapper.exception.ArgumentException;
import io.mapper.types.SqlType;

/**
 * A constant rendered into the SQL as a literal instead of a bound parameter, quoted by the dialect's compiler
 * ({@code 'it''s'}): for constants that must be the same expression wherever they appear, such as the format of
 * {@code to_char(d, 'YYYY-MM')} in SELECT, GROUP BY and OVER. Strings, integers, decimals, finite doubles and booleans
 * can be inlined; each distinct value compiles to its own SQL.
 *
 * @param value the constant
 * @param type its SQL type
 * @param <T> its Java type
 */
public record InlineLiteral<T>(T value, SqlType<T> type) implements Expression<T> {

    public InlineLiteral {
        Objects.requireNonNull(value, "inlineLiteral(null): use Sql.literalColumn(\"NULL\", type) for a NULL constant");
        if (!(value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof BigDecimal || value instanceof Double || value instanceof Boolean)) {
            throw new ArgumentException("A " + value.getClass().getSimpleName() + " cannot be rendered inline; "
                    + "inline literals are strings, integers, decimals, doubles and booleans. Bind the value instead "
                    + "(Sql.literal(value)).");
        }
        if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
            throw new ArgumentException("The double " + number + " has no SQL literal; bind it instead.");
        }
        if (value instanceof String text && text.indexOf('\0') >= 0) {
            throw new ArgumentException("A string with a NUL character cannot be rendered inline; bind it instead.");
        }
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitInlineLiteral(this);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
