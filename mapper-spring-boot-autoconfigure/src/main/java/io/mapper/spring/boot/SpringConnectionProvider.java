package io.mapper.spring.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

import io.mapper.engine.ConnectionProvider;
import io.mapper.exception.DatabaseException;

/**
 * Gets connections through Spring's {@link DataSourceUtils}: inside a Spring transaction ({@code @Transactional},
 * {@code TransactionTemplate}) mapper uses the transaction's connection, so mapper and {@code JdbcTemplate} work
 * share one connection and commit or roll back together; outside one, mapper manages its own transaction.
 */
public final class SpringConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    public SpringConnectionProvider(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DataSourceUtils.getConnection(dataSource);
    }

    @Override
    public void releaseConnection(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    /**
     * Remembers the failure of a Spring-managed transaction's connection, so that the transaction manager's failing
     * rollback on it does not replace the failure (see {@link RollbackFailureTranslator}).
     */
    @Override
    public void connectionLost(Connection connection, DatabaseException failure) {
        if (DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
            LostConnections.record(dataSource, failure);
        }
    }

    @Override
    public boolean isTransactionManagedExternally(Connection connection) {
        return DataSourceUtils.isConnectionTransactional(connection, dataSource);
    }

    /** The data source connections come from. */
    public DataSource dataSource() {
        return dataSource;
    }
}
