package io.mapper.orm.unitofwork;

/**
 * Hears the writes of each object during a flush; {@code io.mapper.orm.SessionListener} extends it with the
 * session-level events. Implementations must be thread-safe (one factory, many sessions).
 */
public interface EntityListener {

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
