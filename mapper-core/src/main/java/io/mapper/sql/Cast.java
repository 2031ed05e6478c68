package io.mapper.sql;

import java.util.List;

import io.mapper.types.SqlType;

/** {@code CAST(operand AS type)}; the dialect's compiler names the type. */
public record Cast<T>(Expression<?> operand, SqlType<T> type) implements Expression<T> {

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitCast(this);
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
