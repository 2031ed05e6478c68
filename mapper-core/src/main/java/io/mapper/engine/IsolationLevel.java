package io.mapper.engine;

/**
 * Transaction isolation levels, mapped onto the JDBC constants, and {@link #AUTOCOMMIT}: no transaction at all
 * (SQLAlchemy's {@code isolation_level="AUTOCOMMIT"}).
 */
public enum IsolationLevel {
    /** Dirty reads allowed. */
    READ_UNCOMMITTED(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED),
    /** Only committed data is read; the default of PostgreSQL and H2. */
    READ_COMMITTED(java.sql.Connection.TRANSACTION_READ_COMMITTED),
    /** Rows read once read the same again; the default of MariaDB/InnoDB. */
    REPEATABLE_READ(java.sql.Connection.TRANSACTION_REPEATABLE_READ),
    /** Transactions behave as if run one after another; SQLite always is. */
    SERIALIZABLE(java.sql.Connection.TRANSACTION_SERIALIZABLE),
    /**
     * No transaction: the JDBC connection stays in auto-commit mode, so every statement commits as it completes, and
     * {@code commit()} and {@code rollback()} have nothing to end (SQLAlchemy's {@code isolation_level="AUTOCOMMIT"}).
     * For reads that need no transaction around them: one statement costs one round trip, with no
     * {@code ROLLBACK} or {@code COMMIT} after it. Savepoints are refused, and an ORM session refuses to flush
     * changes through it (its statements would commit one by one).
     */
    AUTOCOMMIT(-1);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@code java.sql.Connection.TRANSACTION_*} constant; -1 for {@link #AUTOCOMMIT}, which is not a level. */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
