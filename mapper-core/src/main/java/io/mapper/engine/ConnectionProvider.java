package io.mapper.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.mapper.exception.DatabaseException;

/**
 * Where an engine gets its JDBC connections and where it gives them back. The default wraps a
 * {@link javax.sql.DataSource}; the Spring integration supplies one that joins Spring-managed transactions.
 */
public interface ConnectionProvider {

    /** A connection for one {@code engine.connect()} or {@code engine.begin()}. */
    Connection getConnection() throws SQLException;

    /**
     * A connection for read-only work ({@code engine.connectReadOnly()}, a read-only session): a replica's when this
     * provider routes reads to replicas; the default is {@link #getConnection()}.
     */
    default Connection getReadOnlyConnection() throws SQLException {
        return getConnection();
    }

    /**
     * Where a connection from this provider goes: {@link ReplicaSet#PRIMARY} or a replica's name. Statement listeners
     * see it as {@link ExecutionContext#route()} (the {@code mapper.route} metric tag). The default is the primary.
     */
    default String route(Connection connection) {
        return ReplicaSet.PRIMARY;
    }

    /**
     * Hears that read-only work on {@code route} failed with a connection or transient error; a provider that routes
     * to replicas skips that replica and answers {@code true}, so the work may run again elsewhere. The default
     * answers {@code false}: nothing to fall back to.
     */
    default boolean routeFailed(String route, RuntimeException failure) {
        return false;
    }

    /** The replicas this provider routes reads to, if any. */
    default Optional<ReplicaSet> replicas() {
        return Optional.empty();
    }

    /** Gives a connection back; the default closes it, which returns it to a pool. */
    default void releaseConnection(Connection connection) throws SQLException {
        connection.close();
    }

    /**
     * Discards a connection that turned out to be broken, so that a pool does not hand it out again; the default
     * simply releases it.
     */
    default void invalidateConnection(Connection connection) throws SQLException {
        releaseConnection(connection);
    }

    /**
     * Hears that {@code connection} broke while in use, with the error that showed it, as soon as mapper sees it (the
     * connection is invalidated when mapper lets go of it). A provider whose transactions are managed elsewhere keeps
     * the error so that a failing rollback on the dead connection does not hide it. The default does nothing.
     */
    default void connectionLost(Connection connection, DatabaseException failure) {
    }

    /**
     * Whether someone else (for example Spring's transaction manager) owns the transaction on this connection, in
     * which case mapper neither commits nor rolls back nor changes its settings.
     */
    default boolean isTransactionManagedExternally(Connection connection) {
        return false;
    }

    /** A description of the pool behind this provider, used in error messages; empty when unknown. */
    default Optional<PoolDescription> pool() {
        return Optional.empty();
    }

    /** Releases the provider's resources when the engine is disposed; the default does nothing. */
    default void close() {
    }
}
