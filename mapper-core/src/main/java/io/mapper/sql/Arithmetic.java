package io.mapper.sql;

import java.util.List;

import io.mapper.types.SqlType;

/** An arithmetic or concatenation expression such as {@code price * :price_1}, typed as its left operand. */
public record Arithmetic<T>(Expression<?> left, ArithmeticOperator operator, Expression<?> right, SqlType<T> type)
        implements Expression<T> {

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitArithmetic(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(left, right);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
