package io.mapper.orm;

import java.util.Map;

import io.mapper.engine.Engine;

/**
 * One unit of work: tracks the objects you add, load and change, and writes all changes in one flush, in
 * foreign-key order and in batches. An identity map keeps one instance per primary key.
 *
 * <p>The session opens a connection (and a transaction) on first use; {@link #commit()} flushes and commits,
 * {@link #rollback()} discards; {@link #close()} rolls back anything uncommitted. After a commit or rollback every
 * loaded object is <em>expired</em>: it keeps its values in memory, and the next query or {@code get} that returns
 * it reloads them from the database (Java cannot intercept field reads the way SQLAlchemy does).
 *
 * <p>Not thread-safe: one session per unit of work and thread. Two threads using one at once are detected.
 */
public interface Session extends SessionOperations, AutoCloseable {

    /** Flushes and commits; loaded objects stay usable and are reloaded the next time a query returns them. */
    void commit();

    /**
     * Rolls back the transaction and restores the session to its start: objects added in it are transient again
     * (generated keys cleared, also after a flush), deleted ones persistent again, every change made in it is
     * discarded (fields, references and loaded collections back to the database snapshot), and every object is
     * expired. Also the way out of a failed flush. See docs/orm.md, "State model".
     */
    void rollback();

    /**
     * Flushes and opens a nested transaction (a SAVEPOINT); its {@link SessionTransaction#rollback()} undoes exactly
     * what happened since, and a flush failing inside it rolls back to it only.
     */
    SessionTransaction beginNested();

    /**
     * Opens a transaction level for a savepoint that a transaction manager outside mapper just set (Spring's
     * {@code NESTED}); {@link #restore} rolls it back in memory when that savepoint rolls back.
     */
    SessionMark mark();

    /** Rolls back, in memory, the levels opened since {@code mark} (inclusive), as a savepoint rollback does. */
    void restore(SessionMark mark);

    /** Switches a global filter of the factory off for this session's later statements; unknown names raise. */
    void disableFilter(String name);

    /** Switches a global filter of the factory back on for this session. */
    void enableFilter(String name);

    /** Switches autoflush for this session. */
    void autoflush(boolean enabled);

    /** How many times each relationship was lazy-loaded in this session (the N+1 signal). */
    Map<String, Integer> lazyLoadCounts();

    /** Rolls back anything uncommitted, releases the connection and detaches every object. */
    @Override
    void close();

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /** The session factory this session came from. */
    SessionFactory factory();

    /** The engine this session uses. */
    Engine engine();
}
