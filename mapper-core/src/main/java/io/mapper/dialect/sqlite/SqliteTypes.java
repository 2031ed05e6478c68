package io.mapper.dialect.sqlite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/**
 * SQLite's storage for the types it lacks. SQLite has no date, time, UUID or exact decimal storage, so:
 * <ul>
 * <li>temporals are ISO-8601 text in the form SQLite's own {@code CURRENT_TIMESTAMP} writes and most existing data
 * uses: {@code 2024-05-01 13:45:00}, with a fraction of a second only when it is not zero and without trailing zeros
 * ({@code 2024-05-01 13:45:00.25}); time zone values in UTC without a zone designator. Each value has one spelling,
 * and text order is time order, so equality and ranges work against our own values, against
 * {@code CURRENT_TIMESTAMP} and against text data; reads also accept a {@code T} separator, a {@code Z} and fixed
 * six-digit fractions;</li>
 * <li>UUIDs are their 36-character text;</li>
 * <li>decimals are bound as numbers (see {@link #bindDecimal}). A NUMERIC of up to 15 digits keeps NUMERIC affinity: SQLite stores the value as
 * a REAL (or INTEGER), which holds 15 significant digits exactly, and reading rounds it back to the declared scale, so
 * it reads back exactly and sorts numerically. A wider NUMERIC (or one without precision) would lose digits in a
 * REAL, so its column is declared {@code NUMERIC_TEXT(p, s)}, which has TEXT affinity: exact, but sorted as text.
 * Arithmetic inside SQLite (SUM, AVG) runs in floating point either way.</li>
 * </ul>
 */
final class SqliteTypes {

    /** The significant digits a REAL (an IEEE double) holds exactly, as SQLite prints them. */
    static final int MAX_EXACT_REAL_DIGITS = 15;

    private static final DateTimeFormatter FIXED_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter FIXED_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).toFormatter();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .toFormatter();

    private SqliteTypes() {
    }

    @SuppressWarnings("unchecked")
    static <T> SqlType<T> resolve(BuiltInType<T> type, SqliteTemporalStorage storage) {
        return switch (type.kind()) {
            case DATE -> (SqlType<T>) ((BuiltInType<LocalDate>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, value.toString()),
                    (resultSet, index) -> parse(resultSet, index, text -> LocalDate.parse(text.substring(0, 10))));
            case TIME -> (SqlType<T>) ((BuiltInType<LocalTime>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, time(value, storage)),
                    (resultSet, index) -> parse(resultSet, index, LocalTime::parse));
            case TIMESTAMP -> (SqlType<T>) ((BuiltInType<LocalDateTime>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, timestamp(value, storage)),
                    (resultSet, index) -> parse(resultSet, index, SqliteTypes::localDateTime));
            case TIMESTAMP_WITH_TIME_ZONE -> (SqlType<T>) ((BuiltInType<OffsetDateTime>) type).withCodec(
                    java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index,
                            timestamp(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), storage)),
                    (resultSet, index) -> parse(resultSet, index, SqliteTypes::offsetDateTime));
            case UUID -> (SqlType<T>) ((BuiltInType<UUID>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, value.toString()),
                    (resultSet, index) -> parse(resultSet, index, UUID::fromString));
            case NUMERIC -> (SqlType<T>) decimal((BuiltInType<BigDecimal>) type);
            default -> type;
        };
    }

    /** The text stored for a timestamp: {@code 2024-05-01 13:45:00}, a fraction only when not zero by default. */
    static String timestamp(LocalDateTime value, SqliteTemporalStorage storage) {
        return (storage == SqliteTemporalStorage.MICROSECONDS ? FIXED_TIMESTAMP : TIMESTAMP).format(value);
    }

    /** The text stored for a time of day: {@code 13:45:00}, a fraction only when not zero by default. */
    static String time(LocalTime value, SqliteTemporalStorage storage) {
        return (storage == SqliteTemporalStorage.MICROSECONDS ? FIXED_TIME : TIME).format(value);
    }

    /**
     * Binds a decimal the way its column compares: as a number (a REAL, which SQLite compares numerically with
     * REAL and INTEGER values and with aggregates that have no affinity) when it fits the 15 digits a REAL holds and
     * its type is not a wide NUMERIC_TEXT column; as exact text otherwise.
     */
    static void bindDecimal(PreparedStatement statement, int index, BigDecimal value, @Nullable Integer precision)
            throws SQLException {
        boolean textColumn = precision != null && precision > MAX_EXACT_REAL_DIGITS;
        if (!textColumn && value.precision() <= MAX_EXACT_REAL_DIGITS) {
            if (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0) {
                statement.setLong(index, value.longValueExact());
            } else {
                statement.setDouble(index, value.doubleValue());
            }
        } else {
            statement.setString(index, value.toPlainString());
        }
    }

    private static BuiltInType<BigDecimal> decimal(BuiltInType<BigDecimal> type) {
        Integer scale = type.scale();
        Integer precision = type.precision();
        return type.withCodec(java.sql.Types.NUMERIC,
                (statement, index, value) -> bindDecimal(statement, index, value, precision),
                (resultSet, index) -> parse(resultSet, index, text -> {
                    BigDecimal stored = new BigDecimal(text);
                    // A REAL holds the value's first 15 significant digits exactly; rounding to the declared scale
                    // drops only the binary noise of the double.
                    return scale == null ? stored : stored.setScale(scale, RoundingMode.HALF_EVEN);
                }));
    }

    private static LocalDateTime localDateTime(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }

    private static OffsetDateTime offsetDateTime(String text) {
        String iso = text.replace(' ', 'T');
        char last = iso.charAt(iso.length() - 1);
        if (last == 'Z' || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
        }
        // SQLite's CURRENT_TIMESTAMP writes UTC without a zone designator.
        return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> @Nullable T parse(ResultSet resultSet, int index, Parser<T> parser) throws SQLException {
        String text = resultSet.getString(index);
        return text == null ? null : parser.parse(text.trim());
    }
}
