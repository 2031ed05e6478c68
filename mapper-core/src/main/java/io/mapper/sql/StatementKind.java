package io.mapper.sql;

/** Which layer produced a statement: the ORM, the Core expression language, or hand-written text. */
public enum StatementKind {
    /** Emitted by the ORM (flush, entity query, relationship load). */
    ORM,
    /** Built with the Core expression language. */
    CORE,
    /** Written by hand with {@link Sql#text(String)}. */
    TEXT;

    /** The lower-case tag value, as used in metrics. */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
