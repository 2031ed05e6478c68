package io.mapper.orm;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Connection;
import io.mapper.engine.Transaction;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.PendingRollbackException;
import io.mapper.orm.session.Journal;
import io.mapper.orm.session.SessionObjects;

/**
 * A session's transaction levels and its connection: the session's own transaction at the bottom, savepoints of
 * {@code beginNested()} and of an outside transaction manager above it. Commits release and merge levels; rollbacks
 * restore each level's {@link Journal} innermost first; a failed flush rolls back the level it ran in and blocks the
 * session until that level is rolled back. Package-private; owned by one {@link DefaultSession}, which guards the
 * calls (open, one thread).
 */
final class TransactionStack {

    private final DefaultSession session;
    private final SessionObjects objects;
    /** The innermost level; its parents lead to the session's own transaction. */
    private SessionTransaction current;
    private @Nullable Connection connection;
    /** A failed flush, and the level it failed in. */
    private @Nullable RuntimeException failure;
    private @Nullable SessionTransaction failedLevel;
    /** Objects a rollback expunged because they were added in it: transient, even with an assigned key. */
    private @Nullable Set<Object> transientAgain;

    TransactionStack(DefaultSession session, SessionObjects objects) {
        this.session = session;
        this.objects = objects;
        this.current = SessionTransaction.root(session);
    }

    /** The journal of the innermost level: where the session records what it is about to change. */
    Journal journal() {
        return current.journal();
    }

    /** The session's connection, opened (and its transaction begun) on first use. */
    Connection connection() {
        if (connection == null) {
            connection = session.readOnly() ? session.engine().connectReadOnly() : session.engine().connect();
        }
        return connection;
    }

    /**
     * The connection a flush writes through; a read-only session's flush found changes to write, and refuses them
     * before any SQL is sent.
     */
    Connection writeConnection() {
        if (session.readOnly()) {
            throw new InvalidRequestException("This session is read-only (SessionFactory.openReadOnly()): its reads "
                    + "may run on a replica, which cannot write, so it refuses to flush the changes it holds. Make "
                    + "the changes in a session from SessionFactory.open() (in Spring, a @Transactional method "
                    + "without readOnly = true), or call session.rollback() to discard them.");
        }
        Connection writer = connection();
        if (writer.isAutocommit()) {
            throw new InvalidRequestException("This session's engine runs in IsolationLevel.AUTOCOMMIT, where every "
                    + "statement commits on its own: a flush that failed halfway would leave part of its changes "
                    + "written, so the session refuses to flush them. Make the changes in a session over an engine "
                    + "with transactions (the engine you called withIsolationLevel(AUTOCOMMIT) on), or call "
                    + "session.rollback() to discard them.");
        }
        return writer;
    }

    /** Whether a rollback expunged this object as new, so that it is transient whatever its key. */
    boolean isTransientAgain(Object entity) {
        return transientAgain != null && transientAgain.contains(entity);
    }

    /** The object is tracked again. */
    void tracked(Object entity) {
        if (transientAgain != null) {
            transientAgain.remove(entity);
        }
    }

    private void expunged(List<Object> entities) {
        if (entities.isEmpty()) {
            return;
        }
        if (transientAgain == null) {
            transientAgain = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        }
        transientAgain.addAll(entities);
    }

    /** Raises while a failed flush waits for the rollback of its level, saying which rollback that is. */
    void checkNoFailure() {
        RuntimeException failed = failure;
        if (failed == null) {
            return;
        }
        String way = failedLevel != null && failedLevel.savepoint() != null
                ? "Call rollback() on the SessionTransaction that beginNested() returned (the savepoint was rolled "
                + "back; the enclosing transaction and its work are intact)"
                : "Call session.rollback() (objects added in the transaction become transient, changes are "
                + "discarded)";
        throw new PendingRollbackException("This Session's flush failed (" + failed.getClass().getSimpleName()
                + ": " + firstLine(failed.getMessage()) + "). " + way + " before using the session again.", failed);
    }

    /**
     * A failed flush rolls back the level it ran in: a savepoint of {@code beginNested()} at once (the enclosing
     * transaction and its work survive), the session's own transaction unless a manager outside mapper (Spring)
     * owns it. Until that level is rolled back, the session refuses work.
     */
    void flushFailed(RuntimeException e) {
        failure = e;
        failedLevel = current;
        Transaction savepoint = current.savepoint();
        try {
            if (savepoint != null) {
                if (savepoint.isActive()) {
                    savepoint.rollback();
                }
            } else if (current.parent() == null && connection != null && !connection.isExternallyManaged()) {
                connection.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            e.addSuppressed(rollbackFailure);
        }
    }

    /** Releases every savepoint, commits the session's transaction and starts a new one; objects are expired. */
    void commit() {
        for (SessionTransaction level = current; level.parent() != null; level = level.parent()) {
            Transaction savepoint = level.savepoint();
            if (savepoint != null && savepoint.isActive()) {
                savepoint.commit();
            }
            level.end();
        }
        if (connection != null) {
            connection.commit();
            releaseConnection();
        }
        current.end();
        current = SessionTransaction.root(session);
        expireAll();
    }

    /**
     * Rolls the database transaction back (unless a manager outside mapper owns it) and restores every level,
     * innermost first; the session's own level also expires every object.
     */
    void rollback() {
        if (connection != null && !connection.isExternallyManaged()) {
            try {
                connection.rollback();
            } catch (RuntimeException e) {
                // A broken connection has nothing left to roll back; releasing it discards it.
            }
        }
        rollbackConnection();
        SessionTransaction root = current;
        while (root.parent() != null) {
            restore(root);
            root = Objects.requireNonNull(root.parent());
        }
        expunged(root.journal().restore(objects, true));
        root.end();
        current = SessionTransaction.root(session);
        failure = null;
        failedLevel = null;
    }

    /** Opens a savepoint level (the caller flushed first). */
    SessionTransaction beginNested() {
        current = current.nested(connection().beginNested());
        return current;
    }

    /** Releases {@code level} and the levels inside it; their journals merge into the enclosing level's. */
    void commitNested(SessionTransaction level) {
        requireOpen(level, "commit");
        while (true) {
            SessionTransaction top = current;
            Transaction savepoint = top.savepoint();
            if (savepoint != null && savepoint.isActive()) {
                savepoint.commit();
            }
            top.journal().mergeIntoParent();
            top.end();
            current = Objects.requireNonNull(top.parent());
            if (top == level) {
                return;
            }
        }
    }

    /** Rolls back to {@code level}'s savepoint, restoring it and the levels inside it. */
    void rollbackNested(SessionTransaction level) {
        requireOpen(level, "roll back");
        SessionTransaction top;
        do {
            top = current;
            Transaction savepoint = top.savepoint();
            if (savepoint != null && savepoint.isActive()) {
                savepoint.rollback();
            }
            restore(top);
        } while (top != level);
    }

    /** Opens a level for a savepoint an outside manager just set; it records every object now. */
    SessionMark mark() {
        current = current.external(objects);
        return new SessionMark(session, current);
    }

    /** Restores the levels down to a mark's (the manager rolls the database back itself). */
    void restore(SessionMark mark) {
        if (mark.session() != session) {
            throw new ArgumentException("This SessionMark belongs to another session.");
        }
        SessionTransaction level = mark.level();
        if (!level.isActive()) {
            return;
        }
        SessionTransaction top;
        do {
            top = current;
            restore(top);
        } while (top != level);
    }

    /** Rolls back an unfinished transaction the session owns and lets go of the connection. */
    void close() {
        rollbackConnection();
        transientAgain = null;
    }

    /**
     * Releases the connection, which rolls back what it did not commit (a transaction that wrote nothing may end
     * with COMMIT where the dialect says that is cheaper: nothing differs); an externally managed connection's
     * transaction is its manager's.
     */
    private void rollbackConnection() {
        releaseConnection();
    }

    /** Marks every object stale, to be reloaded the next time a query or {@code get} returns it. */
    void expireAll() {
        objects.expireAll();
    }

    /** Restores the objects the innermost level changed and makes its parent current; clears its failure. */
    private void restore(SessionTransaction level) {
        expunged(level.journal().restore(objects, false));
        level.end();
        if (failedLevel == level) {
            failure = null;
            failedLevel = null;
        }
        current = Objects.requireNonNull(level.parent());
    }

    private void requireOpen(SessionTransaction level, String action) {
        if (!level.isActive() || level.parent() == null) {
            throw new InvalidRequestException("Cannot " + action + " this nested transaction: it was already "
                    + "committed or rolled back (also by the end of an enclosing transaction).");
        }
    }

    private void releaseConnection() {
        Connection held = connection;
        connection = null;
        if (held != null) {
            held.close();
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
