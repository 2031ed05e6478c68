package io.mapper.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.mapper.exception.DatabaseException;

/**
 * Routes an engine's connections: read-only ones to a healthy replica of its {@link ReplicaSet} (else the primary),
 * all others to the primary provider. Connections go back where they came from.
 */
final class ReplicaRoutingProvider implements ConnectionProvider {

    private final ConnectionProvider primary;
    private final ReplicaSet replicas;

    ReplicaRoutingProvider(ConnectionProvider primary, ReplicaSet replicas) {
        this.primary = primary;
        this.replicas = replicas;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return primary.getConnection();
    }

    @Override
    public Connection getReadOnlyConnection() throws SQLException {
        Connection replica = replicas.readConnection().orElse(null);
        return replica != null ? replica : primary.getReadOnlyConnection();
    }

    @Override
    public void releaseConnection(Connection connection) throws SQLException {
        if (isFromReplica(connection)) {
            connection.close();
        } else {
            primary.releaseConnection(connection);
        }
    }

    @Override
    public void invalidateConnection(Connection connection) throws SQLException {
        if (isFromReplica(connection)) {
            // The replica's pool sees the fatal error through its own proxy and evicts the connection.
            connection.close();
        } else {
            primary.invalidateConnection(connection);
        }
    }

    @Override
    public void connectionLost(Connection connection, DatabaseException failure) {
        if (!isFromReplica(connection)) {
            primary.connectionLost(connection, failure);
        }
    }

    @Override
    public boolean isTransactionManagedExternally(Connection connection) {
        return !isFromReplica(connection) && primary.isTransactionManagedExternally(connection);
    }

    @Override
    public String route(Connection connection) {
        return replicas.routeOf(connection);
    }

    @Override
    public boolean routeFailed(String route, RuntimeException failure) {
        if (!replicas.isReplica(route)) {
            return false;
        }
        replicas.markDown(route, "failed during read-only work: " + failure.getMessage());
        return true;
    }

    @Override
    public Optional<ReplicaSet> replicas() {
        return Optional.of(replicas);
    }

    @Override
    public Optional<PoolDescription> pool() {
        return primary.pool();
    }

    @Override
    public void close() {
        primary.close();
    }

    private boolean isFromReplica(Connection connection) {
        return !replicas.routeOf(connection).equals(ReplicaSet.PRIMARY);
    }
}
