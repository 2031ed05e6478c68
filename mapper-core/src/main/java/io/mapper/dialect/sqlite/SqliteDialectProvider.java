package io.mapper.dialect.sqlite;

import java.util.Optional;

import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.Dialect;
import io.mapper.dialect.DialectProvider;

/** Recognises SQLite by its product name. */
public final class SqliteDialectProvider implements DialectProvider {

    @Override
    public Optional<Dialect> create(DatabaseInfo database) {
        return database.productName().equalsIgnoreCase("SQLite") ? Optional.of(new SqliteDialect(database))
                : Optional.empty();
    }
}
