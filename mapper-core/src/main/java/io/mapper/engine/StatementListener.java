package io.mapper.engine;

import io.mapper.exception.DatabaseException;

/**
 * Hears every statement an engine executes: the hook for SQL logging, metrics, tracing and test recorders.
 * Listeners run on the executing thread and must be thread-safe, since one engine serves many threads.
 * An exception thrown by a listener propagates to the caller.
 */
public interface StatementListener {

    /** Called before the statement is sent to the database. */
    default void beforeExecute(ExecutionContext context) {
    }

    /**
     * Called after the database answered (for a query: before its rows are read).
     *
     * @param elapsedNanos time spent in the driver's execute call
     * @param rowCount rows affected by DML, or -1 for a query or an unknown count
     */
    default void afterExecute(ExecutionContext context, long elapsedNanos, long rowCount) {
    }

    /** Called when the database rejected the statement, with the already translated exception. */
    default void onError(ExecutionContext context, long elapsedNanos, DatabaseException error) {
    }

    /**
     * Called when the rows of a query are no longer read (after {@code afterExecute}): its last row was read, or its
     * result or connection was closed first.
     *
     * @param rowsRead the rows the caller read
     */
    default void afterRead(ExecutionContext context, long rowsRead) {
    }
}
