package io.mapper.sql;

/** A field of a date or timestamp, for {@link Sql#extract} and the unit of {@link Sql#dateTrunc}. */
public enum DatePart {
    /** The year. */
    YEAR,
    /** The month, 1 to 12. */
    MONTH,
    /** The day of the month, 1 to 31. */
    DAY,
    /** The hour, 0 to 23. */
    HOUR,
    /** The minute, 0 to 59. */
    MINUTE,
    /** The second, 0 to 59 (whole seconds). */
    SECOND
}
