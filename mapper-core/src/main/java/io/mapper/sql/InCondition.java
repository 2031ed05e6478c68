package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code x IN (...)} or {@code x NOT IN (...)} over bound values or a subquery. With no values it compiles to a
 * condition that is always false (IN) or always true (NOT IN), never to the invalid {@code IN ()}.
 *
 * <p>Plain values ({@code id.in(List.of(1, 2, 3))}) are held by one {@linkplain BindParameter#expanding() expanding}
 * parameter, written as one placeholder per value when the statement runs: the statement compiles once whatever
 * the number of values, and an execution may pass another list under the parameter's key. A list that holds
 * expressions (a column, a function) is rendered element by element.
 */
public record InCondition(Expression<?> operand, List<Expression<?>> values, @Nullable SelectBase subquery,
        boolean negated) implements Condition {

    public InCondition {
        values = List.copyOf(values);
    }

    /** Whether the values are one expanding parameter (a list of plain values). */
    public boolean expanding() {
        return values.size() == 1 && values.get(0) instanceof BindParameter<?> parameter && parameter.expanding();
    }

    /**
     * The values one expression each: an expanding parameter's list as one bound parameter per value, for code that
     * reads the values (an in-memory evaluation of the condition); empty for a subquery.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Expression<?>> elements() {
        if (!expanding()) {
            return values;
        }
        BindParameter<?> parameter = (BindParameter<?>) values.get(0);
        List<Expression<?>> elements = new ArrayList<>();
        for (Object value : parameter.values()) {
            elements.add(new BindParameter(parameter.baseName(), parameter.type(), value, parameter.typed()));
        }
        return elements;
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
