package io.mapper.dialect.sqlite;

/**
 * How a SQLite engine stores timestamps and times as text (SQLAlchemy's {@code storage_format}); reads accept every
 * form. Choose it per engine with {@link SqliteDialect#provider(SqliteTemporalStorage)}.
 */
public enum SqliteTemporalStorage {
    /**
     * The default: {@code 2024-05-01 13:45:00}, a fraction of a second only when it is not zero and without trailing
     * zeros ({@code 2024-05-01 13:45:00.25}). The form of SQLite's {@code CURRENT_TIMESTAMP} and of most ISO text
     * data; each value has one spelling and text order is time order, so it compares correctly with both.
     */
    SECONDS,
    /**
     * Fixed six-digit fractions, {@code 2024-05-01 13:45:00.000000}: what mapper wrote before issue 14. Compares
     * correctly only with values in the same form; for databases that already hold such data.
     */
    MICROSECONDS
}
