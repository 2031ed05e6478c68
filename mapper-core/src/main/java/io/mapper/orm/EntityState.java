package io.mapper.orm;

/** Where an object stands relative to a session (SQLAlchemy's object states). */
public enum EntityState {
    /** Not in any session and not in the database (a new object). */
    TRANSIENT,
    /** Added to a session; INSERTed at the next flush. */
    PENDING,
    /** In a session and in the database. */
    PERSISTENT,
    /** Marked for deletion; DELETEd at the next flush. */
    DELETED,
    /** Was persistent in a session that closed, or was expunged from it. */
    DETACHED
}
