package io.mapper.dialect.mysql;

import io.mapper.dialect.DatabaseInfo;
import io.mapper.sql.Operation;

/** MariaDB: the MySQL family plus {@code INSERT ... RETURNING} (10.5+) and sequences. */
public class MariaDbDialect extends MySqlDialect {

    public MariaDbDialect(DatabaseInfo database) {
        super(database);
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public boolean supportsReturning(Operation operation) {
        // MariaDB 10.5 added INSERT ... RETURNING and DELETE ... RETURNING; UPDATE has none.
        return operation != Operation.UPDATE && database().isAtLeast(10, 5);
    }
}
