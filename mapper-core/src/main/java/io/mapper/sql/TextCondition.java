package io.mapper.sql;

import java.util.List;

/**
 * A hand-written SQL fragment used as a condition in WHERE, HAVING or ON, with its {@code :name} parameters bound:
 * build it with {@link TextClause#asCondition()}. Always rendered in parentheses, so an {@code OR} inside it stays
 * inside it.
 *
 * @param segments the fragment's text and parameter names, as {@link TextClause} parsed them
 * @param parameters one bound parameter per distinct name, in order of first appearance
 */
public record TextCondition(List<TextClause.Segment> segments, List<BindParameter<?>> parameters)
        implements Condition {

    public TextCondition {
        segments = List.copyOf(segments);
        parameters = List.copyOf(parameters);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitTextFragment(segments, parameters, true);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return parameters;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
