package io.mapper.schema;

import org.jspecify.annotations.Nullable;

/** One connection's DDL operations, given to the work of {@link DdlExecutor#runDdl}. Not thread-safe. */
public interface DdlSession {

    /** What the database can do with DDL. */
    DdlCapabilities capabilities();

    /** Whether a table (or view) with this name exists in the schema (null: the connection's current schema). */
    boolean hasTable(@Nullable String schema, String name);

    /** Whether the named schema exists (a database on MariaDB, an attached database on SQLite). */
    boolean hasSchema(String schema);

    /** Whether a sequence with this name exists in the current schema. */
    boolean hasSequence(String name);

    /** Compiles the element for the connection's dialect and executes it. */
    void execute(DdlElement element);
}
