package io.mapper.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the dialect for a live connection by asking each {@link DialectProvider} on the class path in turn. */
public final class DialectResolver {

    private static final Logger log = LoggerFactory.getLogger(DialectResolver.class);

    private final List<DialectProvider> providers;

    /** A resolver over the providers that {@link ServiceLoader} finds with this class's class loader. */
    public DialectResolver() {
        this(ServiceLoader.load(DialectProvider.class, DialectResolver.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** A resolver over exactly these providers, asked in order. */
    public DialectResolver(List<DialectProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /**
     * The dialect for the connection's database. An unknown database gets the generic {@link DefaultDialect}
     * (standard SQL, SQLState-based errors) and a warning naming the product.
     */
    public Dialect resolve(Connection connection) throws SQLException {
        DatabaseInfo database = DatabaseInfo.of(connection.getMetaData());
        for (DialectProvider provider : providers) {
            Optional<Dialect> dialect = provider.create(database);
            if (dialect.isPresent()) {
                return dialect.get();
            }
        }
        log.warn("No mapper dialect recognises the database '{}' {}; using the generic SQL dialect. Features that "
                + "differ between databases (paging, RETURNING, upsert) may fail. Pass a dialect with "
                + "Engine.builder(...).dialect(...) or add a DialectProvider.", database.productName(),
                database.productVersion());
        return new DefaultDialect(database);
    }
}
