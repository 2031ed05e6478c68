package io.mapper.dialect.sqlite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/**
 * SQLite's storage for the types it lacks. SQLite has no date, time, UUID or exact decimal storage, so:
 * <ul>
 * <li>temporals are ISO-8601 text of fixed width ({@code 2024-05-01 13:45:00.000000}, time zone values in UTC with a
 * {@code Z}), which sorts chronologically and which SQLite's own date functions understand;</li>
 * <li>UUIDs are their 36-character text;</li>
 * <li>decimals are bound as text. A NUMERIC of up to 15 digits keeps NUMERIC affinity: SQLite stores the value as
 * a REAL (or INTEGER), which holds 15 significant digits exactly, and reading rounds it back to the declared scale, so
 * it reads back exactly and sorts numerically. A wider NUMERIC (or one without precision) would lose digits in a
 * REAL, so its column is declared {@code NUMERIC_TEXT(p, s)}, which has TEXT affinity: exact, but sorted as text.
 * Arithmetic inside SQLite (SUM, AVG) runs in floating point either way.</li>
 * </ul>
 */
final class SqliteTypes {

    /** The significant digits a REAL (an IEEE double) holds exactly, as SQLite prints them. */
    static final int MAX_EXACT_REAL_DIGITS = 15;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private SqliteTypes() {
    }

    @SuppressWarnings("unchecked")
    static <T> SqlType<T> resolve(BuiltInType<T> type) {
        return switch (type.kind()) {
            case DATE -> (SqlType<T>) ((BuiltInType<LocalDate>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, value.toString()),
                    (resultSet, index) -> parse(resultSet, index, text -> LocalDate.parse(text.substring(0, 10))));
            case TIME -> (SqlType<T>) ((BuiltInType<LocalTime>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, TIME.format(value)),
                    (resultSet, index) -> parse(resultSet, index, LocalTime::parse));
            case TIMESTAMP -> (SqlType<T>) ((BuiltInType<LocalDateTime>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, TIMESTAMP.format(value)),
                    (resultSet, index) -> parse(resultSet, index, SqliteTypes::localDateTime));
            case TIMESTAMP_WITH_TIME_ZONE -> (SqlType<T>) ((BuiltInType<OffsetDateTime>) type).withCodec(
                    java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index,
                            TIMESTAMP.format(value.withOffsetSameInstant(ZoneOffset.UTC)) + "Z"),
                    (resultSet, index) -> parse(resultSet, index, SqliteTypes::offsetDateTime));
            case UUID -> (SqlType<T>) ((BuiltInType<UUID>) type).withCodec(java.sql.Types.VARCHAR,
                    (statement, index, value) -> statement.setString(index, value.toString()),
                    (resultSet, index) -> parse(resultSet, index, UUID::fromString));
            case NUMERIC -> (SqlType<T>) decimal((BuiltInType<BigDecimal>) type);
            default -> type;
        };
    }

    private static BuiltInType<BigDecimal> decimal(BuiltInType<BigDecimal> type) {
        Integer scale = type.scale();
        return type.withCodec(java.sql.Types.VARCHAR,
                (statement, index, value) -> statement.setString(index, value.toPlainString()),
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
