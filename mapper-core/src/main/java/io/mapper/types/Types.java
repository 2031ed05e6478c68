package io.mapper.types;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.types.BuiltInType.Kind;

/**
 * The built-in SQL types: {@code Column.of("id", Types.BIGINT)}, {@code Types.string(30)},
 * {@code Types.numeric(12, 2)}, {@code Types.enumOf(Status.class)}.
 *
 * <p>The codecs here are plain JDBC 4.2 ({@code setObject(LocalDate)}, {@code getObject(i, LocalDate.class)});
 * each dialect substitutes its own where its driver or storage differs ({@code Dialect.resolveType}). See
 * {@code docs/schema.md} for how each type is stored on each database.
 */
public final class Types {

    /** SMALLINT as {@code Short}. */
    public static final BuiltInType<Short> SMALLINT = BuiltInType.of(Kind.SMALLINT, Short.class,
            java.sql.Types.SMALLINT, (statement, index, value) -> statement.setShort(index, value),
            (resultSet, index) -> orNull(resultSet, resultSet.getShort(index)));
    /** INTEGER as {@code Integer}. */
    public static final BuiltInType<Integer> INTEGER = BuiltInType.of(Kind.INTEGER, Integer.class,
            java.sql.Types.INTEGER, (statement, index, value) -> statement.setInt(index, value),
            (resultSet, index) -> orNull(resultSet, resultSet.getInt(index)));
    /** BIGINT as {@code Long}. */
    public static final BuiltInType<Long> BIGINT = BuiltInType.of(Kind.BIGINT, Long.class, java.sql.Types.BIGINT,
            (statement, index, value) -> statement.setLong(index, value),
            (resultSet, index) -> orNull(resultSet, resultSet.getLong(index)));
    /** BOOLEAN as {@code Boolean} (TINYINT(1) on MariaDB, 0/1 on SQLite). */
    public static final BuiltInType<Boolean> BOOLEAN = BuiltInType.of(Kind.BOOLEAN, Boolean.class,
            java.sql.Types.BOOLEAN, (statement, index, value) -> statement.setBoolean(index, value),
            (resultSet, index) -> orNull(resultSet, resultSet.getBoolean(index)));
    /** TEXT (unbounded character data) as {@code String}. */
    public static final BuiltInType<String> TEXT = BuiltInType.of(Kind.TEXT, String.class, java.sql.Types.VARCHAR,
            (statement, index, value) -> statement.setString(index, value), ResultSet::getString);
    /** REAL (single precision) as {@code Float}. */
    public static final BuiltInType<Float> REAL = BuiltInType.of(Kind.REAL, Float.class, java.sql.Types.REAL,
            (statement, index, value) -> statement.setFloat(index, value),
            (resultSet, index) -> orNull(resultSet, resultSet.getFloat(index)));
    /** DOUBLE PRECISION as {@code Double}. */
    public static final BuiltInType<Double> DOUBLE = BuiltInType.of(Kind.DOUBLE, Double.class,
            java.sql.Types.DOUBLE, (statement, index, value) -> statement.setDouble(index, value),
            (resultSet, index) -> orNull(resultSet, resultSet.getDouble(index)));
    /** NUMERIC of the database's default precision as {@code BigDecimal}; prefer {@link #numeric(int, int)}. */
    public static final BuiltInType<BigDecimal> NUMERIC = BuiltInType.of(Kind.NUMERIC, BigDecimal.class,
            java.sql.Types.NUMERIC, (statement, index, value) -> statement.setBigDecimal(index, value),
            ResultSet::getBigDecimal);
    /** DATE as {@code LocalDate}. */
    public static final BuiltInType<LocalDate> DATE = temporal(Kind.DATE, LocalDate.class, java.sql.Types.DATE);
    /** TIME (microsecond precision) as {@code LocalTime}. */
    public static final BuiltInType<LocalTime> TIME = temporal(Kind.TIME, LocalTime.class, java.sql.Types.TIME);
    /** TIMESTAMP without time zone (microsecond precision) as {@code LocalDateTime}. */
    public static final BuiltInType<LocalDateTime> TIMESTAMP = temporal(Kind.TIMESTAMP, LocalDateTime.class,
            java.sql.Types.TIMESTAMP);
    /**
     * TIMESTAMP WITH TIME ZONE as {@code OffsetDateTime}. The instant round-trips; values read back at offset UTC
     * (PostgreSQL and MariaDB keep no offset), so compare with {@code isEqual} or normalise to UTC.
     */
    public static final BuiltInType<OffsetDateTime> TIMESTAMP_WITH_TIME_ZONE = BuiltInType.of(
            Kind.TIMESTAMP_WITH_TIME_ZONE, OffsetDateTime.class, java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
            (statement, index, value) -> statement.setObject(index, value),
            (resultSet, index) -> utc(resultSet.getObject(index, OffsetDateTime.class)));
    /** TIMESTAMP WITH TIME ZONE as {@code Instant}. */
    public static final ConvertedType<Instant, OffsetDateTime> INSTANT = new ConvertedType<>(
            TIMESTAMP_WITH_TIME_ZONE, Instant.class,
            TypeConverter.of(OffsetDateTime::toInstant, instant -> instant.atOffset(ZoneOffset.UTC)));
    /** UUID as {@code java.util.UUID} (native where the database has the type, text otherwise). */
    public static final BuiltInType<UUID> UUID = BuiltInType.of(Kind.UUID, java.util.UUID.class,
            java.sql.Types.OTHER, (statement, index, value) -> statement.setObject(index, value),
            (resultSet, index) -> Conversions.convert(resultSet.getObject(index), java.util.UUID.class));
    /** Binary data as {@code byte[]} (BYTEA on PostgreSQL, LONGBLOB on MariaDB). */
    public static final BuiltInType<byte[]> BLOB = BuiltInType.of(Kind.BLOB, byte[].class,
            java.sql.Types.VARBINARY, (statement, index, value) -> statement.setBytes(index, value),
            ResultSet::getBytes);
    /** JSON as its text: JSONB on PostgreSQL, JSON on MariaDB and H2, TEXT on SQLite. */
    public static final BuiltInType<String> JSON = BuiltInType.of(Kind.JSON, String.class,
            java.sql.Types.VARCHAR, (statement, index, value) -> statement.setString(index, value),
            ResultSet::getString);

    private Types() {
    }

    /** VARCHAR(length) as {@code String}. */
    public static BuiltInType<String> string(int length) {
        if (length < 1) {
            throw new ArgumentException("A VARCHAR length must be at least 1, not " + length
                    + ". Use Types.TEXT for unbounded text.");
        }
        return BuiltInType.of(Kind.VARCHAR, String.class, java.sql.Types.VARCHAR,
                (statement, index, value) -> statement.setString(index, value), ResultSet::getString)
                .withLength(length);
    }

    /** NUMERIC(precision, scale) as {@code BigDecimal}: exact, never through {@code double}. */
    public static BuiltInType<BigDecimal> numeric(int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision) {
            throw new ArgumentException("NUMERIC(" + precision + ", " + scale + ") is not a valid decimal type: "
                    + "the precision must be at least 1 and the scale between 0 and the precision.");
        }
        return NUMERIC.withPrecision(precision, scale);
    }

    /** An enum stored by constant name: VARCHAR with a CHECK constraint, or a native ENUM column on MariaDB. */
    public static <E extends Enum<E>> BuiltInType<E> enumOf(Class<E> enumClass) {
        Objects.requireNonNull(enumClass, "enumClass must not be null");
        E[] constants = enumClass.getEnumConstants();
        if (constants == null || constants.length == 0) {
            throw new ArgumentException(enumClass.getName() + " has no constants; an enum column needs at least one.");
        }
        List<String> names = Arrays.stream(constants).map(Enum::name).toList();
        int length = names.stream().mapToInt(String::length).max().orElse(1);
        return BuiltInType.of(Kind.ENUM, enumClass, java.sql.Types.VARCHAR,
                (statement, index, value) -> statement.setString(index, value.name()),
                (resultSet, index) -> Conversions.convert(resultSet.getString(index), enumClass))
                .withEnumValues(names, length);
    }

    /**
     * A user-defined type: values of {@code javaType} stored as {@code storage}. For example a money class kept as
     * NUMERIC: {@code Types.converted(Types.numeric(12, 2), Money.class, Money::of, Money::amount)}.
     */
    public static <T, S> ConvertedType<T, S> converted(SqlType<S> storage, Class<T> javaType,
            Function<? super S, ? extends T> read, Function<? super T, ? extends S> write) {
        return new ConvertedType<>(storage, javaType, TypeConverter.of(read, write));
    }

    /** A user-defined type through a {@link TypeConverter}. */
    public static <T, S> ConvertedType<T, S> converted(SqlType<S> storage, Class<T> javaType,
            TypeConverter<T, S> converter) {
        return new ConvertedType<>(storage, javaType, converter);
    }

    /**
     * A Java type stored as a JSON document (JSONB on PostgreSQL, JSON on MariaDB and H2, TEXT on SQLite) through the
     * {@link JsonCodec#discover() discovered} JSON library: {@code Types.json(Preferences.class)}.
     */
    public static <T> ConvertedType<T, String> json(Class<T> javaType) {
        return json(javaType, javaType, JsonCodec.discover());
    }

    /**
     * A Java type stored as a JSON document through {@code codec}; {@code genericType} is what the text is read as (a
     * {@code List<Tag>}), {@code javaType} its class ({@code List.class}).
     */
    public static <T> ConvertedType<T, String> json(java.lang.reflect.Type genericType, Class<T> javaType,
            JsonCodec codec) {
        Objects.requireNonNull(genericType, "genericType must not be null");
        Objects.requireNonNull(codec, "codec must not be null");
        return new ConvertedType<>(JSON, javaType, new JsonConverter<>(genericType, javaType, codec));
    }

    /**
     * An enum implementing {@link Coded} stored by its codes: INTEGER for integer codes, VARCHAR as long as the longest
     * code for text codes.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E extends Enum<E>> ConvertedType<E, ?> enumByCode(Class<E> enumClass) {
        Objects.requireNonNull(enumClass, "enumClass must not be null");
        if (!Coded.class.isAssignableFrom(enumClass)) {
            throw new ArgumentException(enumClass.getName() + " does not implement io.mapper.types.Coded; implement "
                    + "it to store the enum by code, or use Types.enumOf to store it by name.");
        }
        E[] constants = enumClass.getEnumConstants();
        if (constants == null || constants.length == 0) {
            throw new ArgumentException(enumClass.getName() + " has no constants; an enum column needs at least one.");
        }
        EnumCodeConverter converter = new EnumCodeConverter<>(enumClass);
        Object sample = ((Coded<?>) constants[0]).code();
        if (sample instanceof Integer) {
            return new ConvertedType(INTEGER, enumClass, converter);
        }
        if (!(sample instanceof String)) {
            throw new ArgumentException(enumClass.getName() + "'s codes are " + sample.getClass().getSimpleName()
                    + "s; codes must be Strings or Integers.");
        }
        int length = Arrays.stream(constants).mapToInt(constant -> String.valueOf(((Coded<?>) constant).code())
                .length()).max().orElse(1);
        return new ConvertedType(string(Math.max(1, length)), enumClass, converter);
    }

    private static <T> BuiltInType<T> temporal(Kind kind, Class<T> javaType, int jdbcType) {
        return BuiltInType.of(kind, javaType, jdbcType, (statement, index, value) -> statement.setObject(index, value),
                (resultSet, index) -> resultSet.getObject(index, javaType));
    }

    private static @Nullable OffsetDateTime utc(@Nullable OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static <T> @Nullable T orNull(ResultSet resultSet, T value) throws SQLException {
        return resultSet.wasNull() ? null : value;
    }
}
