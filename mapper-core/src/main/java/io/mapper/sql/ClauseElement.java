package io.mapper.sql;

/** Any element of a SQL statement that a {@link SqlVisitor} can render. */
public interface ClauseElement {

    /** Calls the visitor method for this element's kind. */
    void accept(SqlVisitor visitor);
}
