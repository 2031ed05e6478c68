package io.mapper.orm;

/**
 * How an ORM bulk UPDATE or DELETE brings the objects already in the session in line with the rows it changed,
 * SQLAlchemy's {@code synchronize_session}.
 */
public enum SynchronizeSession {
    /**
     * Evaluates the WHERE clause in Java against the session's objects of the entity (no extra SQL): matched objects
     * get the new values (an expression SET, such as {@code balance + 1}, expires them instead) or leave the session
     * when deleted. A WHERE clause Java cannot evaluate (LIKE, subqueries, functions) raises before anything runs.
     * The default.
     */
    EVALUATE,
    /** SELECTs the primary keys the WHERE clause matches first, then updates or removes those objects. */
    FETCH,
    /** Leaves the session's objects as they are: they may be stale until refreshed or expired. */
    NONE
}
