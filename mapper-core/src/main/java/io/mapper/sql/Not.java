package io.mapper.sql;

import java.util.List;

/** {@code NOT (condition)}. */
public record Not(Condition condition) implements Condition {

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitNot(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(condition);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
