package io.mapper.dialect.postgresql;

import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.DefaultDialect;

/** PostgreSQL: RETURNING, {@code ON CONFLICT}, reliable SQLStates, and server-side cursors for streaming. */
public class PostgresDialect extends DefaultDialect {

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
}
