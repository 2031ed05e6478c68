package io.mapper.schema;

/**
 * How {@link MetaData#createAll(DdlExecutor, CreateOptions)} creates a schema's objects.
 *
 * <pre>{@code
 * metadata.createAll(engine, CreateOptions.DEFAULT.withCreateSchemas(true));   // CREATE SCHEMA IF NOT EXISTS archive, ...
 * }</pre>
 *
 * @param checkFirst whether objects that already exist are skipped (otherwise creating one fails)
 * @param createSchemas whether the named schemas the tables live in ({@link MetaData#schemas()}) are created first,
 *        with {@code CREATE SCHEMA [IF NOT EXISTS]} ({@code CREATE DATABASE} on MariaDB); SQLite has no such statement
 *        and refuses a schema that is not attached
 */
public record CreateOptions(boolean checkFirst, boolean createSchemas) {

    /** Check first, and create no schema (they must exist): what {@code createAll(executor)} does. */
    public static final CreateOptions DEFAULT = new CreateOptions(true, false);

    /** These options with {@code checkFirst} set as given. */
    public CreateOptions withCheckFirst(boolean checkFirst) {
        return new CreateOptions(checkFirst, createSchemas);
    }

    /** These options with {@code createSchemas} set as given. */
    public CreateOptions withCreateSchemas(boolean createSchemas) {
        return new CreateOptions(checkFirst, createSchemas);
    }
}
