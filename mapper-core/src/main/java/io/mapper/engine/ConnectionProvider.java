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
