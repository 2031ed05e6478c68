package io.mapper.sql;

/** The row lock a SELECT takes with {@code FOR UPDATE}, and what it does when a row is already locked. */
public enum ForUpdate {
    /** {@code FOR UPDATE}: wait for the lock. */
    WAIT,
    /** {@code FOR UPDATE NOWAIT}: fail at once. */
    NOWAIT,
    /** {@code FOR UPDATE SKIP LOCKED}: leave locked rows out. */
    SKIP_LOCKED
}
