package io.mapper.dialect.h2;

import java.util.Optional;

import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.Dialect;
import io.mapper.dialect.DialectProvider;

/** Recognises H2 by its product name. */
public final class H2DialectProvider implements DialectProvider {

    @Override
    public Optional<Dialect> create(DatabaseInfo database) {
        return database.productName().equalsIgnoreCase("H2") ? Optional.of(new H2Dialect(database))
                : Optional.empty();
    }
}
