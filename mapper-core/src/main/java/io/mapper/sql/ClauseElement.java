package io.mapper.sql;

import java.util.List;

/** Any element of a SQL statement that a {@link SqlVisitor} can render. */
public interface ClauseElement {

    /** Calls the visitor method for this element's kind. */
    void accept(SqlVisitor visitor);

    /**
     * The elements this one contains, in rendering order; used to find bind parameters and CTEs without a compiler.
     * A table or column contains nothing.
     */
    default List<? extends ClauseElement> children() {
        return List.of();
    }
}
