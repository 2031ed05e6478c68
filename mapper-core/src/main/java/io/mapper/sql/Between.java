package io.mapper.sql;

import java.util.List;

/** {@code x BETWEEN lower AND upper}, both ends included. */
public record Between(Expression<?> operand, Expression<?> lower, Expression<?> upper, boolean negated)
        implements Condition {

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitBetween(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(operand, lower, upper);
    }

    @Override
    public Condition not() {
        return new Between(operand, lower, upper, !negated);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
