package io.mapper.orm;

/**
 * Hears a session's flushes and (through {@link io.mapper.orm.unitofwork.EntityListener}'s methods) the writes of each
 * object, for auditing and similar rules: set timestamps in
 * {@code beforeInsert}/{@code beforeUpdate}, record history in the {@code after...} methods. Register listeners on
 * {@code SessionFactory.builder(engine).listener(...)}; they must be thread-safe (one factory, many sessions).
 */
public interface SessionListener extends io.mapper.orm.unitofwork.EntityListener {

    /** A lazy relationship of {@code entityName} was loaded on first use: one extra query (an N+1 signal). */
    default void lazyLoad(Session session, String entityName, String relationship) {
    }

    /**
     * A query or {@code get} set the object's columns from a row: a new instance, or an expired or locked one
     * refreshed (after the entity's own {@code @AfterLoad} methods).
     */
    default void afterLoad(Object entity) {
    }

    /** Before a flush computes what to write. */
    default void beforeFlush(Session session) {
    }

    /** After a flush wrote everything (still inside the transaction). */
    default void afterFlush(Session session) {
    }

    /** When a flush failed: instead of {@code afterFlush}, with the exception the flush is about to raise. */
    default void flushFailed(Session session, RuntimeException error) {
    }
}
