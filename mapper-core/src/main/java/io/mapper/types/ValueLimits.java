package io.mapper.types;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

/**
 * Whether a value can be stored exactly in a column of a built-in type, checked before it is bound, identically for
 * every database: text without NUL characters and unpaired surrogates (no database stores them as sent) and within a
 * VARCHAR's length (SQLite would store longer text), numbers within a NUMERIC's precision and scale (PostgreSQL and
 * MariaDB would round extra decimals, SQLite would store any number), integers within SMALLINT, INTEGER or BIGINT.
 * Stateless and thread-safe.
 */
public final class ValueLimits {

    /** A reason a value cannot be stored, with the SQLState a database would report for it. */
    public record Violation(String reason, String sqlState) {
    }

    private ValueLimits() {
    }

    /** Why {@code value} cannot be stored in a column of {@code type}, or null when it can (or the type is not built in). */
    public static @Nullable Violation check(@Nullable SqlType<?> type, @Nullable Object value) {
        if (value == null || !(type instanceof BuiltInType<?> builtIn)) {
            return null;
        }
        return switch (builtIn.kind()) {
            case VARCHAR, TEXT, JSON -> value instanceof String text ? text(text, builtIn.length()) : null;
            case NUMERIC -> decimal(value, builtIn.precision(), builtIn.scale());
            case SMALLINT -> integer(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
            case INTEGER -> integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
            case BIGINT -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
            default -> null;
        };
    }

    private static @Nullable Violation text(String text, @Nullable Integer length) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return new Violation("contains a NUL character (U+0000) at index " + i + ", which PostgreSQL "
                        + "refuses and other databases may cut the text at. Remove it, or store the data as binary "
                        + "(Types.BLOB)", "22021");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Violation("contains an unpaired UTF-16 surrogate (U+" + Integer.toHexString(c)
                        .toUpperCase(java.util.Locale.ROOT) + ") at index " + i + ", which is not a character and "
                        + "which databases store as '?' or refuse. Fix the text where it was produced (it was probably "
                        + "cut in the middle of a character)", "22021");
            }
        }
        if (length != null) {
            int characters = text.codePointCount(0, text.length());
            if (characters > length) {
                return new Violation("is " + characters + " characters long, but the column holds at most " + length
                        + " (VARCHAR(" + length + ")). Shorten the text or widen the column", "22001");
            }
        }
        return null;
    }

    private static @Nullable Violation decimal(Object value, @Nullable Integer precision, @Nullable Integer scale) {
        if (precision == null) {
            return null;
        }
        BigDecimal number;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof BigInteger big) {
            number = new BigDecimal(big);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return new Violation("is " + d + ", which a NUMERIC cannot hold", "22003");
            }
            number = new BigDecimal(Double.toString(d));
        } else {
            return null;
        }
        int keptScale = scale == null ? 0 : scale;
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        String column = "NUMERIC(" + precision + ", " + keptScale + ")";
        if (stripped.scale() > keptScale) {
            return new Violation("has " + stripped.scale() + " decimal places, but " + column + " keeps " + keptScale
                    + ", so the database would round it. Round it yourself (setScale(" + keptScale + ", ...)) to "
                    + "choose how", "22003");
        }
        int integerDigits = Math.max(stripped.precision() - stripped.scale(), 0);
        if (integerDigits > precision - keptScale) {
            return new Violation("has " + integerDigits + " digits before the decimal point, but " + column
                    + " holds at most " + (precision - keptScale) + ". Check the value, or widen the column", "22003");
        }
        return null;
    }

    private static @Nullable Violation integer(Object value, long min, long max, String type) {
        if (value instanceof Integer && min <= Integer.MIN_VALUE && max >= Integer.MAX_VALUE
                || value instanceof Long && min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return null;    // the common case, a value of the column's own Java type: it always fits
        }
        boolean outside;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            outside = number < min || number > max;
        } else if (value instanceof BigInteger big) {
            outside = big.compareTo(BigInteger.valueOf(min)) < 0 || big.compareTo(BigInteger.valueOf(max)) > 0;
        } else if (value instanceof BigDecimal decimal) {
            outside = decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0
                    || decimal.stripTrailingZeros().scale() > 0;
        } else {
            return null;
        }
        return outside ? new Violation("is not a whole number from " + min + " to " + max + ", the range of " + type
                + ". Check the value, or use a wider column type", "22003") : null;
    }
}
