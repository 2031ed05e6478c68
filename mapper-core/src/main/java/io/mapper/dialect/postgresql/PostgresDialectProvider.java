package io.mapper.dialect.postgresql;

import java.util.Optional;

import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.Dialect;
import io.mapper.dialect.DialectProvider;

/** Recognises PostgreSQL by its product name. */
public final class PostgresDialectProvider implements DialectProvider {

    @Override
    public Optional<Dialect> create(DatabaseInfo database) {
        return database.productName().equalsIgnoreCase("PostgreSQL") ? Optional.of(new PostgresDialect(database))
                : Optional.empty();
    }
}
