package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Conditions joined by {@code AND} (when {@code and}) or {@code OR}. Nested lists of the same kind are flattened;
 * an empty AND is always true and an empty OR always false.
 */
public record ConditionList(boolean and, List<Condition> conditions) implements Condition {

    public ConditionList {
        conditions = List.copyOf(conditions);
    }

    static Condition of(boolean and, Condition first, Condition... more) {
        List<Condition> all = new ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(List.of(more));
        return of(and, all);
    }

    static Condition of(boolean and, List<? extends Condition> conditions) {
        List<Condition> flat = new ArrayList<>(conditions.size());
        for (Condition condition : conditions) {
            Objects.requireNonNull(condition, () -> "a condition given to " + (and ? "and" : "or") + "(...) is null");
            if (condition instanceof ConditionList list && list.and == and) {
                flat.addAll(list.conditions);
            } else {
                flat.add(condition);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new ConditionList(and, flat);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitConditionList(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return conditions;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
