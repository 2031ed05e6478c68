package io.mapper.engine;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.mapper.exception.ArgumentException;

/** Builds HikariCP pools for engines created from a URL; HikariCP is optional, so this class is loaded only on demand. */
final class HikariSupport {

    private static final boolean PRESENT = detect();

    private HikariSupport() {
    }

    static boolean isPresent() {
        return PRESENT;
    }

    private static boolean detect() {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, HikariSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static DataSource createPool(String url, PoolOptions options) {
        if (!isPresent()) {
            throw new ArgumentException("Engine.create(url) builds a HikariCP pool, and HikariCP is not on the class "
                    + "path. Add the dependency com.zaxxer:HikariCP, or pass your own DataSource to "
                    + "Engine.builder(dataSource).");
        }
        requireDriver(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (options.username() != null) {
            config.setUsername(options.username());
        }
        if (options.password() != null) {
            config.setPassword(options.password());
        }
        config.setMaximumPoolSize(options.maximumPoolSize());
        config.setMinimumIdle(Math.min(options.minimumIdle(), options.maximumPoolSize()));
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setPoolName(options.poolName());
        // Connections start in auto-commit; the engine switches it off per checkout, after dialect set-up
        // (SQLite's foreign_keys pragma only takes effect outside a transaction).
        config.setAutoCommit(true);
        // Open connections on first use, so an engine can be built before its database is up.
        config.setInitializationFailTimeout(-1);
        options.driverProperties().forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    /**
     * Fails at once, naming what to add, when no JDBC driver on the class path accepts the URL (the pool would only
     * report it at the first connection, as HikariCP's "Failed to get driver instance").
     */
    private static void requireDriver(String url) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new ArgumentException("No JDBC driver on the class path accepts the URL " + url + ". Add your "
                    + "database's driver as a dependency: org.postgresql:postgresql, org.mariadb.jdbc:"
                    + "mariadb-java-client, com.mysql:mysql-connector-j, org.xerial:sqlite-jdbc or "
                    + "com.h2database:h2.", e);
        }
    }

    /** Removes a broken connection from a Hikari pool; false when the data source is not one. */
    static boolean evict(DataSource dataSource, java.sql.Connection connection) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.evictConnection(connection);
            return true;
        }
        return false;
    }

    static Optional<PoolDescription> describe(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            return Optional.of(new PoolDescription(String.valueOf(hikari.getPoolName()),
                    hikari.getMaximumPoolSize(), Duration.ofMillis(hikari.getConnectionTimeout())));
        }
        return Optional.empty();
    }
}
