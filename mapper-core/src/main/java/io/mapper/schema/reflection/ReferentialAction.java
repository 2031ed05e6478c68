package io.mapper.schema.reflection;

/** What the database does to referring rows when a referred row is deleted or its key updated. */
public enum ReferentialAction {
    /** Delete or update the referring rows too. */
    CASCADE("CASCADE"),
    /** Set the referring columns to NULL. */
    SET_NULL("SET NULL"),
    /** Set the referring columns to their defaults. */
    SET_DEFAULT("SET DEFAULT"),
    /** Refuse at once. */
    RESTRICT("RESTRICT"),
    /** Refuse at the end of the statement (the SQL default). */
    NO_ACTION("NO ACTION");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The action as SQL: {@code SET NULL}. */
    public String sql() {
        return sql;
    }
}
