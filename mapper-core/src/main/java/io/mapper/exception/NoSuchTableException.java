package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Reflection was asked for a table the database does not have; the message lists the tables it does have. */
public class NoSuchTableException extends ArgumentException {

    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final @Nullable String schema;
    private final List<String> knownTables;

    public NoSuchTableException(String tableName, @Nullable String schema, List<String> knownTables) {
        super("There is no table '" + tableName + "' in " + (schema == null ? "the current schema" : "schema '"
                + schema + "'") + "; " + (knownTables.isEmpty() ? "it has no tables at all"
                        : "its tables are " + knownTables) + ". Check the spelling and the schema, or create the "
                + "table first.");
        this.tableName = tableName;
        this.schema = schema;
        this.knownTables = List.copyOf(knownTables);
    }

    /** The table that was asked for. */
    public String tableName() {
        return tableName;
    }

    /** The schema that was searched, or {@code null} for the connection's current one. */
    public @Nullable String schema() {
        return schema;
    }

    /** The tables the schema does have. */
    public List<String> knownTables() {
        return knownTables;
    }
}
