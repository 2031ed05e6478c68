package io.mapper.orm;

/**
 * Hears a session's flushes and the writes of each object, for auditing and similar rules: set timestamps in
 * {@code beforeInsert}/{@code beforeUpdate}, record history in the {@code after...} methods. Register listeners on
 * {@code SessionFactory.builder(engine).listener(...)}; they must be thread-safe (one factory, many sessions).
 */
public interface SessionListener {

    /** A lazy relationship of {@code entityName} was loaded on first use: one extra query (an N+1 signal). */
    default void lazyLoad(Session session, String entityName, String relationship) {
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

    /** Before the object is INSERTed; changes made here are written. */
    default void beforeInsert(Object entity) {
    }

    /** After the object was INSERTed and its generated key set. */
    default void afterInsert(Object entity) {
    }

    /** Before the changed object is UPDATEd; changes made here are written too. */
    default void beforeUpdate(Object entity) {
    }

    /** After the object was UPDATEd. */
    default void afterUpdate(Object entity) {
    }

    /** Before the object is DELETEd. */
    default void beforeDelete(Object entity) {
    }

    /** After the object was DELETEd. */
    default void afterDelete(Object entity) {
    }
}
