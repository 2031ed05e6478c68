package io.mapper.dialect.mysql;

import io.mapper.dialect.DatabaseInfo;

/** MariaDB: the MySQL family plus {@code INSERT ... RETURNING} (10.5+) and sequences. */
public class MariaDbDialect extends MySqlDialect {

    public MariaDbDialect(DatabaseInfo database) {
        super(database);
    }

    @Override
    public String name() {
        return "mariadb";
    }
}
