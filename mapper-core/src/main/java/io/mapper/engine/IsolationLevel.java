package io.mapper.engine;

/** Transaction isolation levels, mapped onto the JDBC constants. */
public enum IsolationLevel {
    /** Dirty reads allowed. */
    READ_UNCOMMITTED(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED),
    /** Only committed data is read; the default of PostgreSQL and H2. */
    READ_COMMITTED(java.sql.Connection.TRANSACTION_READ_COMMITTED),
    /** Rows read once read the same again; the default of MariaDB/InnoDB. */
    REPEATABLE_READ(java.sql.Connection.TRANSACTION_REPEATABLE_READ),
    /** Transactions behave as if run one after another; SQLite always is. */
    SERIALIZABLE(java.sql.Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@code java.sql.Connection.TRANSACTION_*} constant. */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
