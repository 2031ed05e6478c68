package io.mapper.spring.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceUtils;

import io.mapper.engine.ConnectionProvider;
import io.mapper.engine.ReplicaSet;
import io.mapper.exception.DatabaseException;

/**
 * Gets connections through Spring's {@link DataSourceUtils}: inside a Spring transaction ({@code @Transactional},
 * {@code TransactionTemplate}) mapper uses the transaction's connection, so mapper and {@code JdbcTemplate} work
 * share one connection and commit or roll back together; outside one, mapper manages its own transaction. Over a
 * {@link ReplicaRoutingDataSource}, read-only transactions and connections go to a replica and report its route.
 */
public final class SpringConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;
    private final @Nullable ReplicaSet replicas;

    public SpringConnectionProvider(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        this.replicas = dataSource instanceof ReplicaRoutingDataSource routing ? routing.replicas() : null;
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

    /**
     * The replica a connection went to, or the primary: Spring's lazy connection fetches its target at the first
     * statement, after the transaction manager marked it read-only or not, so asking for the target here routes it.
     */
    @Override
    public String route(Connection connection) {
        if (replicas == null) {
            return ReplicaSet.PRIMARY;
        }
        Connection target = connection instanceof ConnectionProxy proxy ? proxy.getTargetConnection() : connection;
        return replicas.routeOf(target);
    }

    @Override
    public boolean routeFailed(String route, RuntimeException failure) {
        if (replicas == null || !replicas.isReplica(route)) {
            return false;
        }
        replicas.markDown(route, "failed during read-only work: " + failure.getMessage());
        return true;
    }

    @Override
    public Optional<ReplicaSet> replicas() {
        return Optional.ofNullable(replicas);
    }

    /** The data source connections come from. */
    public DataSource dataSource() {
        return dataSource;
    }
}
