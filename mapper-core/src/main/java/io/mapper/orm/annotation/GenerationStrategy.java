package io.mapper.orm.annotation;

/** How a {@link GeneratedValue} key is produced. */
public enum GenerationStrategy {
    /** By the database: an identity or autoincrement column, read back after INSERT (batched). */
    IDENTITY,
    /** From a database sequence, fetched before INSERT; where sequences are missing, falls back to IDENTITY. */
    SEQUENCE,
    /** A random UUID assigned in Java before INSERT. */
    UUID
}
