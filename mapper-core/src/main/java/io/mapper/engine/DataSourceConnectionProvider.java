package io.mapper.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/** Takes connections from a {@link DataSource}; closes it on dispose only when the engine created it. */
final class DataSourceConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;
    private final boolean owned;
    private final Optional<PoolDescription> pool;

    DataSourceConnectionProvider(DataSource dataSource, boolean owned) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.pool = HikariSupport.isPresent() ? HikariSupport.describe(dataSource) : Optional.empty();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void invalidateConnection(Connection connection) throws SQLException {
        if (!(HikariSupport.isPresent() && HikariSupport.evict(dataSource, connection))) {
            connection.close();
        }
    }

    @Override
    public Optional<PoolDescription> pool() {
        return pool;
    }

    @Override
    public void close() {
        if (owned && dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the engine's connection pool failed: " + e.getMessage(), e);
            }
        }
    }
}
