package io.mapper.dialect.postgresql;

import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.DefaultDialect;
import io.mapper.dialect.SchemaReader;

/** PostgreSQL: RETURNING, {@code ON CONFLICT}, reliable SQLStates, and server-side cursors for streaming. */
public class PostgresDialect extends DefaultDialect {

    private static final SchemaReader SCHEMA_READER = new PostgresSchemaReader();

    public PostgresDialect(DatabaseInfo database) {
        super(database);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    // Reflection ------------------------------------------------------------------------------------------------

    @Override
    public SchemaReader schemaReader() {
        return SCHEMA_READER;
    }
}
