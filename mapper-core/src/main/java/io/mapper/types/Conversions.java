package io.mapper.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * Converts values as JDBC drivers return them into the Java type a caller asked for, exactly: numbers never lose
 * digits silently (a {@code BigDecimal} with a fraction never becomes a {@code long}), and a value that cannot be
 * converted raises an {@link ArgumentException} naming both types.
 *
 * <p>Drivers differ: SQLite returns {@code Integer} for small integers and text for dates, MariaDB {@code Long}
 * for BIGINT and {@code Boolean} for TINYINT(1); these conversions make {@code row.get("id", Long.class)} work on all.
 */
public final class Conversions {

    private Conversions() {
    }

    /** Converts {@code value} to {@code type}; null stays null. */
    @SuppressWarnings("unchecked")
    public static <T> @Nullable T convert(@Nullable Object value, Class<T> type) {
        if (value == null) {
            return null;
        }
        Class<?> target = boxed(type);
        if (target.isInstance(value)) {
            return (T) value;
        }
        try {
            Object converted = convertNonNull(value, target);
            if (converted != null) {
                return (T) converted;
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException | SQLException e) {
            throw new ArgumentException("Cannot convert the " + value.getClass().getSimpleName() + " value read from "
                    + "the database to " + type.getSimpleName() + ": " + e.getMessage() + ". Read it as "
                    + value.getClass().getSimpleName() + ", or widen the Java type.", e);
        }
        throw new ArgumentException("Cannot convert a " + value.getClass().getName() + " read from the database to "
                + type.getName() + ". Read it as " + value.getClass().getSimpleName() + ", or use a type converter.");
    }

    private static @Nullable Object convertNonNull(Object value, Class<?> target) throws SQLException {
        if (target == Object.class) {
            return value;
        }
        if (value instanceof Number number) {
            Object converted = fromNumber(number, target);
            if (converted != null) {
                return converted;
            }
        }
        if (target == String.class) {
            if (value instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
            return value instanceof byte[] ? null : value.toString();
        }
        if (target == Boolean.class) {
            if (value instanceof String text) {
                return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "t", "1", "yes", "y" -> Boolean.TRUE;
                    case "false", "f", "0", "no", "n" -> Boolean.FALSE;
                    default -> null;
                };
            }
            return null;
        }
        if (value instanceof String text) {
            return fromString(text, target);
        }
        if (target == byte[].class) {
            if (value instanceof Blob blob) {
                return blob.getBytes(1, (int) blob.length());
            }
            if (value instanceof ByteBuffer buffer) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                return bytes;
            }
            return null;
        }
        if (target == UUID.class && value instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return fromTemporal(value, target);
    }

    private static @Nullable Object fromNumber(Number number, Class<?> target) {
        if (target == Long.class) {
            return exact(number).longValueExact();
        }
        if (target == Integer.class) {
            return exact(number).intValueExact();
        }
        if (target == Short.class) {
            return exact(number).shortValueExact();
        }
        if (target == Byte.class) {
            return exact(number).byteValueExact();
        }
        if (target == BigDecimal.class) {
            return exact(number);
        }
        if (target == BigInteger.class) {
            return exact(number).toBigIntegerExact();
        }
        if (target == Double.class) {
            return number.doubleValue();
        }
        if (target == Float.class) {
            return number.floatValue();
        }
        if (target == Boolean.class) {
            return exact(number).signum() != 0;
        }
        if (target == Instant.class && !(number instanceof BigDecimal)) {
            return Instant.ofEpochMilli(number.longValue());
        }
        return null;
    }

    private static BigDecimal exact(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static @Nullable Object fromString(String text, Class<?> target) {
        if (target == Long.class) {
            return Long.valueOf(text.trim());
        }
        if (target == Integer.class) {
            return Integer.valueOf(text.trim());
        }
        if (target == BigDecimal.class) {
            return new BigDecimal(text.trim());
        }
        if (target == Double.class) {
            return Double.valueOf(text.trim());
        }
        if (target == UUID.class) {
            return UUID.fromString(text.trim());
        }
        if (target == LocalDate.class) {
            return LocalDate.parse(text.trim());
        }
        if (target == LocalTime.class) {
            return LocalTime.parse(text.trim());
        }
        if (target == LocalDateTime.class) {
            return LocalDateTime.parse(text.trim().replace(' ', 'T'));
        }
        if (target == OffsetDateTime.class) {
            return OffsetDateTime.parse(text.trim().replace(' ', 'T'));
        }
        if (target == Instant.class) {
            return OffsetDateTime.parse(text.trim().replace(' ', 'T')).toInstant();
        }
        if (target.isEnum()) {
            return enumConstant(target, text);
        }
        if (target == byte[].class) {
            return null;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> target, String text) {
        try {
            return Enum.valueOf((Class<? extends Enum>) target, text);
        } catch (IllegalArgumentException e) {
            throw new ArgumentException("The value '" + text + "' read from the database is not a constant of "
                    + target.getName() + ". Add the constant, or fix the stored value.", e);
        }
    }

    private static @Nullable Object fromTemporal(Object value, Class<?> target) {
        if (value instanceof java.sql.Timestamp timestamp) {
            if (target == LocalDateTime.class) {
                return timestamp.toLocalDateTime();
            }
            if (target == Instant.class) {
                return timestamp.toInstant();
            }
            if (target == LocalDate.class) {
                return timestamp.toLocalDateTime().toLocalDate();
            }
        }
        if (value instanceof java.sql.Date date && target == LocalDate.class) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Time time && target == LocalTime.class) {
            return time.toLocalTime();
        }
        if (value instanceof LocalDateTime dateTime) {
            if (target == LocalDate.class) {
                return dateTime.toLocalDate();
            }
            if (target == Instant.class) {
                return dateTime.toInstant(ZoneOffset.UTC);
            }
        }
        if (value instanceof OffsetDateTime offset) {
            if (target == Instant.class) {
                return offset.toInstant();
            }
            if (target == LocalDateTime.class) {
                return offset.toLocalDateTime();
            }
        }
        if (value instanceof java.time.ZonedDateTime zoned && target == OffsetDateTime.class) {
            return zoned.toOffsetDateTime();
        }
        if (value instanceof Instant instant && target == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return null;
    }

    /** The wrapper class of a primitive type, or the type itself. */
    public static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }
}
