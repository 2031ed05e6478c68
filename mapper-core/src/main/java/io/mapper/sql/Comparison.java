package io.mapper.sql;

import java.util.List;

/** A binary comparison such as {@code x = :x_1}; build it with {@link Expression#eq(Object)} and friends. */
public record Comparison(Expression<?> left, ComparisonOperator operator, Expression<?> right) implements Condition {

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitComparison(this);
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
