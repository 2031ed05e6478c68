package io.mapper.orm.mapping;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.mapper.exception.ArgumentException;

/**
 * The value of a {@code @CreationTimestamp} or {@code @UpdateTimestamp} property for a clock's current time, in the
 * property's type, to the microsecond (what every database keeps), so the object equals its row.
 */
public final class Timestamps {

    private Timestamps() {
    }

    static boolean supports(Class<?> type) {
        return type == Instant.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == LocalDate.class;
    }

    /** The clock's time as a value of {@code type}. */
    public static Object now(Clock clock, Class<?> type) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (type == Instant.class) {
            return now;
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(now, clock.getZone());
        }
        if (type == OffsetDateTime.class) {
            return now.atOffset(ZoneOffset.UTC);
        }
        if (type == LocalDate.class) {
            return LocalDate.ofInstant(now, clock.getZone());
        }
        throw new ArgumentException("No timestamp of type " + type.getName());
    }
}
