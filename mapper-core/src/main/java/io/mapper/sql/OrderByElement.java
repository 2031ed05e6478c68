package io.mapper.sql;

import java.util.List;

/** One ORDER BY item: an expression, its direction and where NULLs sort. */
public record OrderByElement(Expression<?> expression, boolean descending, Nulls nulls) implements ClauseElement {

    /** Where NULLs sort; {@code DEFAULT} leaves it to the database. */
    public enum Nulls {
        DEFAULT, FIRST, LAST
    }

    /** The same ordering with NULLs first ({@code NULLS FIRST}, emulated where the database lacks it). */
    public OrderByElement nullsFirst() {
        return new OrderByElement(expression, descending, Nulls.FIRST);
    }

    /** The same ordering with NULLs last ({@code NULLS LAST}, emulated where the database lacks it). */
    public OrderByElement nullsLast() {
        return new OrderByElement(expression, descending, Nulls.LAST);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitOrderBy(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(expression);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
