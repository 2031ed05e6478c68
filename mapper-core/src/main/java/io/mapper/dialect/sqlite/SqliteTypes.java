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
 * <li>decimals have NUMERIC affinity whatever their precision and are bound as numbers (see {@link #bindDecimal}):
 * SQLite stores a whole number as an INTEGER (exact up to BIGINT) and any other value as a REAL, which holds 15
 * significant digits exactly; reading rounds back to the declared scale, so values read back exactly, compare and sort
 * numerically, and MAX/MIN/SUM work. A value SQLite would round (more than 15 significant digits, not a whole
 * BIGINT) is refused before it is sent. Arithmetic inside SQLite (SUM, AVG) runs in floating point. Columns declared
 * {@code NUMERIC_TEXT} by mapper before issue 14 are still read.</li>
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
     * Binds a decimal as the number its NUMERIC column stores, so it compares numerically with the column and with
     * aggregates (which have no affinity): a whole number within BIGINT as an INTEGER (exact, up to 19 digits), any
     * other value as a REAL (exact to 15 significant digits; reads round to the declared scale). A value that fits
     * neither is refused before it is bound ({@link #unstorableDecimal}); untyped, it is sent as text, which SQLite's
     * NUMERIC affinity turns into a REAL.
     */
    static void bindDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (isWholeLong(value)) {
            statement.setLong(index, value.longValueExact());
        } else if (value.precision() <= MAX_EXACT_REAL_DIGITS) {
            statement.setDouble(index, value.doubleValue());
        } else {
            statement.setString(index, value.toPlainString());
        }
    }

    /**
     * Why SQLite cannot hold a decimal exactly, or null: a REAL keeps 15 significant digits, an INTEGER a whole number
     * within BIGINT; anything else would be rounded without a word.
     */
    static io.mapper.types.ValueLimits.@Nullable Violation unstorableDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (isWholeLong(value) || stripped.precision() <= MAX_EXACT_REAL_DIGITS) {
            return null;
        }
        return new io.mapper.types.ValueLimits.Violation("has " + stripped.precision() + " significant digits ("
                + value.toPlainString() + "), but SQLite keeps a decimal as a REAL (a double: 15 significant digits) "
                + "unless it is a whole number within BIGINT, so it would be rounded. Round it to 15 significant "
                + "digits, store such values as text (Types.converted(Types.TEXT, BigDecimal.class, BigDecimal::new, "
                + "BigDecimal::toPlainString)), or use a database with exact decimals", "22003");
    }

    private static boolean isWholeLong(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19
                && stripped.toBigIntegerExact().bitLength() < 64;
    }

    private static BuiltInType<BigDecimal> decimal(BuiltInType<BigDecimal> type) {
        Integer scale = type.scale();
        return type.withCodec(java.sql.Types.NUMERIC,
                (statement, index, value) -> bindDecimal(statement, index, value),
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
