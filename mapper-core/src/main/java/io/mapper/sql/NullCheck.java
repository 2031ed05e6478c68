package io.mapper.sql;

import java.util.List;

/** {@code x IS NULL} or, negated, {@code x IS NOT NULL}. */
public record NullCheck(Expression<?> operand, boolean negated) implements Condition {

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitNullCheck(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(operand);
    }

    @Override
    public Condition not() {
        return new NullCheck(operand, !negated);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
