package io.mapper.sql;

import java.util.List;

import io.mapper.exception.ArgumentException;

/** A statement that returns rows: a {@link Select} or a {@link CompoundSelect} (UNION and friends). Immutable. */
public interface SelectBase extends Executable {

    /** The expressions the statement returns, in order (a table in the columns clause contributes its columns). */
    List<Expression<?>> selectedColumns();

    @Override
    default Operation operation() {
        return Operation.SELECT;
    }

    @Override
    default List<Expression<?>> resultColumns() {
        return selectedColumns();
    }

    /** This statement as a named subquery for a FROM clause: {@code (SELECT ...) AS name}. */
    default Subquery subquery(String name) {
        return new Subquery(name, this);
    }

    /** This statement as a common table expression: {@code WITH name AS (SELECT ...)}. */
    default Cte cte(String name) {
        return new Cte(name, this, false, null);
    }

    /** The anchor of a recursive CTE; add the recursive part with {@link Cte#unionAll(SelectBase)}. */
    default Cte cteRecursive(String name) {
        return new Cte(name, this, true, null);
    }

    /** This one-column statement as a value: {@code (SELECT ...)}; may refer to the enclosing query. */
    default Expression<?> scalarSubquery() {
        List<Expression<?>> columns = selectedColumns();
        if (columns.size() != 1) {
            throw new ArgumentException("A scalar subquery must select exactly one column, but this one selects "
                    + columns.size() + ". Select a single expression.");
        }
        return new ScalarSubquery<>(this, columns.get(0).type());
    }

    /** {@code this UNION other ...}. */
    default CompoundSelect union(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Operator.UNION, this, others);
    }

    /** {@code this UNION ALL other ...}. */
    default CompoundSelect unionAll(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Operator.UNION_ALL, this, others);
    }

    /** {@code this INTERSECT other ...}. */
    default CompoundSelect intersect(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Operator.INTERSECT, this, others);
    }

    /** {@code this EXCEPT other ...}. */
    default CompoundSelect except(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Operator.EXCEPT, this, others);
    }
}
