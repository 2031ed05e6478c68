package io.mapper.orm.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;

/**
 * The Java types whose values cannot change in place: a field of such a type changes only when it is written, which
 * an enhanced class counts ({@link io.mapper.orm.state.Tracked}). Arrays, dates of {@code java.util}, collections
 * and any other class may be changed through the object the field holds, so their fields are always compared.
 */
final class ImmutableValues {

    private static final Set<Class<?>> TYPES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
            java.util.UUID.class, java.time.Instant.class, java.time.LocalDate.class, java.time.LocalTime.class,
            java.time.LocalDateTime.class, java.time.OffsetDateTime.class, java.time.OffsetTime.class,
            java.time.ZonedDateTime.class, java.time.Duration.class, java.time.Period.class, java.time.Year.class,
            java.time.YearMonth.class, java.time.MonthDay.class, java.time.ZoneOffset.class);

    private ImmutableValues() {
    }

    /** Whether a value of {@code type} (a field's declared type) cannot change in place. */
    static boolean is(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || TYPES.contains(type);
    }
}
