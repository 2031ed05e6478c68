package io.mapper.dialect.mysql;

import java.util.Locale;
import java.util.Optional;

import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.Dialect;
import io.mapper.dialect.DialectProvider;

/** Recognises MariaDB (by product name or version string) and MySQL. */
public final class MySqlDialectProvider implements DialectProvider {

    @Override
    public Optional<Dialect> create(DatabaseInfo database) {
        String product = database.productName().toLowerCase(Locale.ROOT);
        String version = database.productVersion().toLowerCase(Locale.ROOT);
        if (product.contains("mariadb") || version.contains("mariadb")) {
            return Optional.of(new MariaDbDialect(database));
        }
        return product.contains("mysql") ? Optional.of(new MySqlDialect(database)) : Optional.empty();
    }
}
