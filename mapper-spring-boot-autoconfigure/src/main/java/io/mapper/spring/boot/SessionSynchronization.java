package io.mapper.spring.boot;

import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionMark;

/**
 * Ties one {@link Session} to one Spring transaction: bound as the transaction's resource under its
 * {@link SessionFactory}, flushed before commit unless the transaction is read-only, restored when a
 * {@code PROPAGATION_NESTED} savepoint rolls back, and closed when the transaction completes.
 */
final class SessionSynchronization implements TransactionSynchronization {

    /** Before the connection's own synchronization, so the session flushes and lets go of it first (as JPA's does). */
    static final int ORDER = DataSourceUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;

    private final SessionFactory factory;
    private final Session session;
    private final SessionMark opened;
    private final Map<Object, SessionMark> savepoints = new IdentityHashMap<>();

    private SessionSynchronization(SessionFactory factory, Session session) {
        this.factory = factory;
        this.session = session;
        this.opened = session.mark();
    }

    /** The session of the current transaction, opened, bound and registered on first use. */
    static Session currentSession(SessionFactory factory) {
        Object bound = TransactionSynchronizationManager.getResource(factory);
        if (bound instanceof SessionSynchronization synchronization) {
            return synchronization.session;
        }
        Session session = factory.open();
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // Queries must not write pending changes: a read-only transaction flushes nothing.
            session.autoflush(false);
        }
        SessionSynchronization synchronization = new SessionSynchronization(factory, session);
        TransactionSynchronizationManager.bindResource(factory, synchronization);
        TransactionSynchronizationManager.registerSynchronization(synchronization);
        return session;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(factory);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(factory, this);
    }

    @Override
    public void flush() {
        if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            session.flush();
        }
    }

    @Override
    public void savepoint(Object savepoint) {
        savepoints.put(savepoint, session.mark());
    }

    @Override
    public void savepointRollback(Object savepoint) {
        // A savepoint set before this session was opened: everything the session holds came after it.
        SessionMark mark = savepoints.getOrDefault(savepoint, opened);
        session.restore(mark);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (!readOnly) {
            session.flush();
        }
    }

    @Override
    public void afterCompletion(int status) {
        if (TransactionSynchronizationManager.getResource(factory) == this) {
            TransactionSynchronizationManager.unbindResource(factory);
        }
        savepoints.clear();
        if (status != STATUS_COMMITTED) {
            // The manager rolled the transaction back: the objects are restored as a session.rollback() restores
            // them (added ones transient again, generated keys cleared), without touching the connection.
            session.rollback();
        }
        // Closing only detaches the objects and lets go of the connection (an externally managed connection is
        // neither committed nor rolled back by mapper).
        session.close();
    }
}
