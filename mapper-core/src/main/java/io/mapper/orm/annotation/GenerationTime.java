package io.mapper.orm.annotation;

/** When the database generates a {@link Generated} column's value. */
public enum GenerationTime {
    /** On INSERT only: a server default, an insert trigger. */
    INSERT,
    /** On INSERT and on every UPDATE: a trigger, a computed column, a version counter kept by the database. */
    ALWAYS
}
