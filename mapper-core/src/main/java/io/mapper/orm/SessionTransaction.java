package io.mapper.orm;

import io.mapper.engine.Transaction;

/**
 * A nested transaction of a {@link Session} (a SAVEPOINT), from {@link Session#beginNested()}. Rolling it back undoes
 * its database work and restores the session: objects inserted since are pending again, deleted ones persistent
 * again, and all persistent objects are expired. Not thread-safe.
 */
public final class SessionTransaction implements AutoCloseable {

    private final DefaultSession session;
    private final Transaction savepoint;
    private final int logMark;

    SessionTransaction(DefaultSession session, Transaction savepoint, int logMark) {
        this.session = session;
        this.savepoint = savepoint;
        this.logMark = logMark;
    }

    /** Flushes and releases the savepoint; its work becomes part of the session's transaction. */
    public void commit() {
        session.flush();
        savepoint.commit();
    }

    /** Rolls back to the savepoint and restores the session's objects to their state at {@code beginNested()}. */
    public void rollback() {
        savepoint.rollback();
        session.restoreTo(logMark);
    }

    /** Whether neither commit nor rollback ended it yet. */
    public boolean isActive() {
        return savepoint.isActive();
    }

    /** Rolls back if still active. */
    @Override
    public void close() {
        if (savepoint.isActive()) {
            rollback();
        }
    }
}
