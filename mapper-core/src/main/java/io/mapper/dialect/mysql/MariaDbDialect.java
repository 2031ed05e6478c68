package io.mapper.dialect.mysql;

import io.mapper.compiler.TypeCompiler;
import io.mapper.dialect.DatabaseInfo;
import io.mapper.schema.DdlCapabilities;

/** MariaDB: the MySQL family plus {@code INSERT ... RETURNING} (10.5+) and sequences. */
public class MariaDbDialect extends MySqlDialect {

    public MariaDbDialect(DatabaseInfo database) {
        super(database);
    }

    @Override
    public String name() {
        return "mariadb";
    }

    // ---- Schema: DDL and types (issue 3, schema half) ----

    @Override
    public TypeCompiler typeCompiler() {
        // MariaDB has a UUID column type from 10.7.
        return new MySqlTypeCompiler(database().isAtLeast(10, 7));
    }

    @Override
    public DdlCapabilities ddlCapabilities() {
        return new DdlCapabilities(database().isAtLeast(10, 3), true, false);
    }
}
