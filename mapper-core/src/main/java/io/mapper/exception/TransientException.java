package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A failure that says "try again": the same transaction, started afresh, may well succeed. The database rolled the
 * transaction back (or lost it with its connection) and nothing of it was committed. Which database reported it does
 * not matter; {@link #reason()} says what happened.
 *
 * <p>Retry the <em>whole</em> unit of work, from its first read, in a new transaction: a statement retried inside the
 * failed transaction sees a transaction the database has already aborted. {@code SessionFactory.retrying(...)} does
 * this; under Spring, {@code @Retryable} on a method outside the {@code @Transactional} one does (see docs/spring.md).
 * A failed <em>commit</em> is never transient: whether it committed is unknown, so it is reported as a plain
 * {@link OperationalException}.
 */
public class TransientException extends OperationalException {

    private static final long serialVersionUID = 1L;

    /** What made the transaction fail. */
    public enum Reason {
        /** The connection broke during the transaction (network, server restart, killed session, failover). */
        CONNECTION_LOST,
        /** The database chose this transaction as a deadlock victim and rolled it back. */
        DEADLOCK,
        /** A serializable or repeatable-read transaction conflicted with a concurrent one (SQLState 40001). */
        SERIALIZATION_FAILURE,
        /** A row or table lock was not granted in time (lock wait timeout, SQLite's busy timeout). */
        LOCK_TIMEOUT,
        /** No connection became free in the pool in time. */
        POOL_TIMEOUT,
        /** The database refused new work for now (too many connections, starting up or shutting down). */
        DATABASE_UNAVAILABLE
    }

    private final Reason reason;

    public TransientException(Reason reason, String message, @Nullable String sql, List<@Nullable Object> parameters,
            @Nullable String sqlState, int vendorCode, @Nullable Throwable cause) {
        super(message, sql, parameters, sqlState, vendorCode, cause);
        this.reason = reason;
    }

    /** Why the transaction failed. */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
