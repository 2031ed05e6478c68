package io.mapper.orm;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Transaction;
import io.mapper.orm.session.Journal;

/**
 * One transaction level of a {@link Session} (SQLAlchemy's {@code SessionTransaction}): the session's transaction,
 * or a nested one (a SAVEPOINT) from {@link Session#beginNested()}. Each level keeps the {@link Journal} of what it
 * changed, so that rolling it back restores the session's objects exactly: objects added in it are expunged,
 * objects deleted in it are persistent again, and changes made in it are discarded; what happened before it stays,
 * and the outer commit writes it. Not thread-safe.
 *
 * <pre>{@code
 * SessionTransaction nested = session.beginNested();   // flushes, then SAVEPOINT
 * session.add(u3);
 * nested.rollback();                                    // ROLLBACK TO SAVEPOINT; u3 is transient again
 * session.commit();                                     // writes what was done before beginNested()
 * }</pre>
 */
public final class SessionTransaction implements AutoCloseable {

    private final DefaultSession session;
    private final @Nullable SessionTransaction parent;
    private final @Nullable Transaction savepoint;
    private final Journal journal;
    private boolean active = true;

    private SessionTransaction(DefaultSession session, @Nullable SessionTransaction parent,
            @Nullable Transaction savepoint, Journal journal) {
        this.session = session;
        this.parent = parent;
        this.savepoint = savepoint;
        this.journal = journal;
    }

    /** The outermost level of a session. */
    static SessionTransaction root(DefaultSession session) {
        return new SessionTransaction(session, null, null, Journal.root());
    }

    /** A level over a savepoint mapper set itself, right after a flush. */
    SessionTransaction nested(Transaction databaseSavepoint) {
        return new SessionTransaction(session, this, databaseSavepoint, journal.nested());
    }

    /** A level over a savepoint a transaction manager outside mapper set; it records every object up front. */
    SessionTransaction external(io.mapper.orm.session.SessionObjects objects) {
        return new SessionTransaction(session, this, null, journal.nestedCapturingAll(objects));
    }

    /** Flushes and releases the savepoint; its work becomes part of the enclosing transaction. */
    public void commit() {
        session.commitNested(this);
    }

    /**
     * Rolls back to the savepoint (and any level opened inside it) and restores the session's objects to their
     * state at {@code beginNested()}. Also the way out of a flush that failed inside this savepoint.
     */
    public void rollback() {
        session.rollbackNested(this);
    }

    /** Whether neither commit nor rollback ended it yet. */
    public boolean isActive() {
        return active;
    }

    /** Rolls back if still active. */
    @Override
    public void close() {
        if (active) {
            rollback();
        }
    }

    @Nullable SessionTransaction parent() {
        return parent;
    }

    @Nullable Transaction savepoint() {
        return savepoint;
    }

    Journal journal() {
        return journal;
    }

    void end() {
        active = false;
    }
}
