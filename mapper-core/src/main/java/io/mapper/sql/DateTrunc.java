package io.mapper.sql;

import java.util.List;
import java.util.Objects;

import io.mapper.types.SqlType;

/**
 * A date or timestamp truncated to the start of its year, month, day, hour, minute or second, of the operand's type:
 * {@code date_trunc('month', x)} on PostgreSQL and H2, a formatted value on MariaDB and SQLite. Build it with
 * {@link Sql#dateTrunc(DatePart, Expression)}.
 *
 * @param unit the unit to truncate to
 * @param operand the date or timestamp
 * @param <T> the Java type of the operand
 */
public record DateTrunc<T>(DatePart unit, Expression<T> operand) implements Expression<T> {

    public DateTrunc {
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(operand, "operand must not be null");
    }

    @Override
    public SqlType<T> type() {
        return operand.type();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitDateTrunc(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(operand);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
