package io.mapper.testing;

/** Something not every backend can do; tests call {@code requires(feature)} to run only where it is supported. */
public enum Feature {
    /** INSERT/UPDATE/DELETE ... RETURNING. */
    RETURNING,
    /** SAVEPOINT / ROLLBACK TO SAVEPOINT. */
    SAVEPOINTS,
    /** A server process that can drop a client's connection (PostgreSQL, MariaDB). */
    SERVER_PROCESS,
    /** Several connections writing concurrently without a database-wide lock. */
    CONCURRENT_WRITERS,
    /** CREATE SEQUENCE (not SQLite). */
    SEQUENCES,
    /** Row locks: SELECT ... FOR UPDATE [NOWAIT | SKIP LOCKED] (not SQLite, whose writers lock the database). */
    ROW_LOCKS
}
