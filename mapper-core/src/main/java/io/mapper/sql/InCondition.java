package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code x IN (...)} or {@code x NOT IN (...)} over bound values or a subquery. With no values it compiles to a
 * condition that is always false (IN) or always true (NOT IN), never to the invalid {@code IN ()}.
 */
public record InCondition(Expression<?> operand, List<Expression<?>> values, @Nullable SelectBase subquery,
        boolean negated) implements Condition {

    public InCondition {
        values = List.copyOf(values);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitIn(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> children = new ArrayList<>(values.size() + 2);
        children.add(operand);
        children.addAll(values);
        if (subquery != null) {
            children.add(subquery);
        }
        return children;
    }

    @Override
    public Condition not() {
        return new InCondition(operand, values, subquery, !negated);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
