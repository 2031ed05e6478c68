package io.mapper.sql;

import java.util.List;

/** {@code EXISTS (SELECT ...)} or {@code NOT EXISTS (SELECT ...)}. */
public record Exists(SelectBase select, boolean negated) implements Condition {

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitExists(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(select);
    }

    @Override
    public Condition not() {
        return new Exists(select, !negated);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
