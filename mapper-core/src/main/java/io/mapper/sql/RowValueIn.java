package io.mapper.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.mapper.exception.ArgumentException;

/**
 * {@code (a, b) IN ((?, ?), (?, ?))}: several expressions compared with rows of values at once, as a composite key
 * is. Each value is bound with the type of its expression. With no rows it compiles to a condition that is always
 * false. How the list is written (a row-value list, {@code VALUES}, or an OR of ANDs where a database has no row
 * values) is the compiler's choice.
 *
 * @param operands the expressions compared, two or more
 * @param rows each row's values as expressions, one per operand
 */
public record RowValueIn(List<Expression<?>> operands, List<List<Expression<?>>> rows) implements Condition {

    public RowValueIn {
        operands = List.copyOf(operands);
        List<List<Expression<?>>> copied = new ArrayList<>(rows.size());
        for (List<Expression<?>> row : rows) {
            if (row.size() != operands.size()) {
                throw new ArgumentException("A row of " + row.size() + " values is compared with " + operands.size()
                        + " expressions in a row-value IN; give one value per expression.");
            }
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
    }

    /** {@code (operands...) IN (rows...)}, each row's plain values bound with its operand's type. */
    static RowValueIn of(List<? extends Expression<?>> operands, Collection<? extends List<?>> rows) {
        if (operands.size() < 2) {
            throw new ArgumentException("A row-value IN compares two or more expressions; use in(...) for one.");
        }
        List<List<Expression<?>>> bound = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            if (row.size() != operands.size()) {
                throw new ArgumentException("A row of " + row.size() + " values is compared with " + operands.size()
                        + " expressions in a row-value IN; give one value per expression.");
            }
            List<Expression<?>> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(Coercions.values(operands.get(i), List.of(row.get(i)), "IN").get(0));
            }
            bound.add(values);
        }
        return new RowValueIn(List.copyOf(operands), bound);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitRowValueIn(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> children = new ArrayList<>(operands);
        rows.forEach(children::addAll);
        return children;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
