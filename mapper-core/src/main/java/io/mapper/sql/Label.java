package io.mapper.sql;

import java.util.List;

import io.mapper.types.SqlType;

/** An expression with a name: {@code x AS name} in a columns clause, the bare name in ORDER BY and GROUP BY. */
public record Label<T>(String name, Expression<T> expression) implements Expression<T> {

    public Label {
        if (name.isBlank()) {
            throw new io.mapper.exception.ArgumentException("A label must not be blank.");
        }
    }

    @Override
    public SqlType<T> type() {
        return expression.type();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitLabel(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(expression);
    }

    @Override
    public String toString() {
        return name;
    }
}
