package io.mapper.sql;

import java.util.List;
import java.util.Objects;

import io.mapper.types.SqlType;
import io.mapper.types.Types;

/**
 * A field of a date or timestamp as an integer: {@code EXTRACT(MONTH FROM x)}, spelled per dialect
 * ({@code CAST(strftime('%m', x) AS INTEGER)} on SQLite). Build it with {@link Sql#extract(DatePart, Expression)}.
 *
 * @param field the field
 * @param operand the date or timestamp
 */
public record Extract(DatePart field, Expression<?> operand) implements Expression<Integer> {

    public Extract {
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(operand, "operand must not be null");
    }

    @Override
    public SqlType<Integer> type() {
        return Types.INTEGER;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitExtract(this);
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
