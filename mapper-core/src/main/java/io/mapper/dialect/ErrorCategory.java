package io.mapper.dialect;

/** The class of a database error, which decides the {@code DatabaseException} subclass mapper throws. */
public enum ErrorCategory {
    /** A constraint was violated: {@code IntegrityException}. */
    INTEGRITY,
    /** A value was rejected: {@code DataException}. */
    DATA,
    /** The connection or transaction failed: {@code OperationalException}. */
    OPERATIONAL,
    /** A row lock was not granted (NOWAIT, or a lock timeout): {@code LockNotAvailableException}. */
    LOCK_NOT_AVAILABLE,
    /** The SQL is wrong: {@code ProgrammingException}. */
    PROGRAMMING,
    /** A feature is missing: {@code NotSupportedException}. */
    NOT_SUPPORTED,
    /** None of the above: a plain {@code DatabaseException}. */
    OTHER
}
