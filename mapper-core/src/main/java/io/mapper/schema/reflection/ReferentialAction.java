package io.mapper.schema.reflection;

/** What a foreign key does to referring rows when the referred row is deleted or its key updated. */
public enum ReferentialAction {
    /** {@code NO ACTION}: reject the change (checked at the end of the statement, or deferred). */
    NO_ACTION("NO ACTION"),
    /** {@code RESTRICT}: reject the change immediately. */
    RESTRICT("RESTRICT"),
    /** {@code CASCADE}: delete or update the referring rows too. */
    CASCADE("CASCADE"),
    /** {@code SET NULL}: set the referring columns to NULL. */
    SET_NULL("SET NULL"),
    /** {@code SET DEFAULT}: set the referring columns to their defaults. */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The action as SQL writes it, for example {@code SET NULL}. */
    public String sql() {
        return sql;
    }
}
