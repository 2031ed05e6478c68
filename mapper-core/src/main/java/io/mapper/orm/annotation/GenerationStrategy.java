package io.mapper.orm.annotation;

/** How a {@link GeneratedValue} key is produced. */
public enum GenerationStrategy {
    /** By the database: an identity or autoincrement column, read back after INSERT (batched). */
    IDENTITY,
    /**
     * From a database sequence that is the column's default ({@code nextval} on PostgreSQL, {@code NEXT VALUE FOR}
     * on H2 and MariaDB), read back after INSERT like an identity; SQLite, which has no sequences, uses an
     * autoincrement key.
     */
    SEQUENCE,
    /** A random UUID assigned in Java before INSERT. */
    UUID
}
