package io.mapper.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One of mapper's built-in SQL types ({@link Types}): a {@link Kind}, its parameters (length, precision and scale,
 * enum constants) and the code that binds and reads its values. The kind and parameters decide the DDL a dialect's
 * type compiler renders; the codec is the standard JDBC 4.2 one, and a dialect replaces it with
 * {@link #withCodec} where its driver or storage differs. Two types are equal when kind, Java type and parameters
 * are; the codec is not part of equality. Immutable and thread-safe.
 *
 * @param <T> the Java type of the values
 */
public final class BuiltInType<T> implements SqlType<T> {

    /** The SQL type families mapper knows. */
    public enum Kind {
        /** 16-bit integer. */
        SMALLINT,
        /** 32-bit integer. */
        INTEGER,
        /** 64-bit integer. */
        BIGINT,
        /** true/false. */
        BOOLEAN,
        /** Bounded character data, {@link #length()} characters at most. */
        VARCHAR,
        /** Unbounded character data. */
        TEXT,
        /** Exact decimal with {@link #precision()} and {@link #scale()}. */
        NUMERIC,
        /** Single-precision floating point. */
        REAL,
        /** Double-precision floating point. */
        DOUBLE,
        /** A calendar date. */
        DATE,
        /** A time of day. */
        TIME,
        /** A date and time without time zone. */
        TIMESTAMP,
        /** An instant with an offset (stored as UTC where the database has no zone). */
        TIMESTAMP_WITH_TIME_ZONE,
        /** A 128-bit UUID. */
        UUID,
        /** Binary data. */
        BLOB,
        /** A Java enum stored by constant name. */
        ENUM,
        /** JSON document, handled as its text. */
        JSON
    }

    private final Kind kind;
    private final Class<T> javaType;
    private final int jdbcType;
    private final @Nullable Integer length;
    private final @Nullable Integer precision;
    private final @Nullable Integer scale;
    private final List<String> enumValues;
    private final ValueBinder<T> binder;
    private final ValueReader<T> reader;

    private BuiltInType(Kind kind, Class<T> javaType, int jdbcType, @Nullable Integer length,
            @Nullable Integer precision, @Nullable Integer scale, List<String> enumValues, ValueBinder<T> binder,
            ValueReader<T> reader) {
        this.kind = kind;
        this.javaType = javaType;
        this.jdbcType = jdbcType;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.enumValues = List.copyOf(enumValues);
        this.binder = binder;
        this.reader = reader;
    }

    static <T> BuiltInType<T> of(Kind kind, Class<T> javaType, int jdbcType, ValueBinder<T> binder,
            ValueReader<T> reader) {
        return new BuiltInType<>(kind, javaType, jdbcType, null, null, null, List.of(), binder, reader);
    }

    BuiltInType<T> withLength(int newLength) {
        return new BuiltInType<>(kind, javaType, jdbcType, newLength, precision, scale, enumValues, binder, reader);
    }

    BuiltInType<T> withPrecision(@Nullable Integer newPrecision, @Nullable Integer newScale) {
        return new BuiltInType<>(kind, javaType, jdbcType, length, newPrecision, newScale, enumValues, binder,
                reader);
    }

    BuiltInType<T> withEnumValues(List<String> values, int newLength) {
        return new BuiltInType<>(kind, javaType, jdbcType, newLength, precision, scale, values, binder, reader);
    }

    /**
     * The same type (kind, parameters, equality) bound and read differently: how a dialect substitutes its own
     * storage, for example ISO-8601 text for timestamps in SQLite.
     */
    public BuiltInType<T> withCodec(int newJdbcType, ValueBinder<T> newBinder, ValueReader<T> newReader) {
        return new BuiltInType<>(kind, javaType, newJdbcType, length, precision, scale, enumValues, newBinder,
                newReader);
    }

    /** The type's family. */
    public Kind kind() {
        return kind;
    }

    /** The maximum length of a VARCHAR (or of an enum's constant names), or null. */
    public @Nullable Integer length() {
        return length;
    }

    /** The total number of digits of a NUMERIC, or null when unspecified. */
    public @Nullable Integer precision() {
        return precision;
    }

    /** The digits after the decimal point of a NUMERIC, or null when unspecified. */
    public @Nullable Integer scale() {
        return scale;
    }

    /** The constant names of an ENUM, in declaration order; empty for other kinds. */
    public List<String> enumValues() {
        return enumValues;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public int jdbcType() {
        return jdbcType;
    }

    @Override
    public String name() {
        return switch (kind) {
            case VARCHAR -> "VARCHAR(" + length + ")";
            case NUMERIC -> precision == null ? "NUMERIC"
                    : "NUMERIC(" + precision + (scale == null ? "" : ", " + scale) + ")";
            case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
            case DOUBLE -> "DOUBLE PRECISION";
            case ENUM -> "ENUM(" + javaType.getSimpleName() + ")";
            default -> kind.name();
        };
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable T value) throws SQLException {
        if (value == null) {
            statement.setNull(index, jdbcType);
        } else {
            binder.bind(statement, index, value);
        }
    }

    @Override
    public @Nullable T read(ResultSet resultSet, int index) throws SQLException {
        return reader.read(resultSet, index);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BuiltInType<?> that && kind == that.kind && javaType == that.javaType
                && Objects.equals(length, that.length) && Objects.equals(precision, that.precision)
                && Objects.equals(scale, that.scale) && enumValues.equals(that.enumValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, javaType, length, precision, scale, enumValues);
    }

    @Override
    public String toString() {
        return name();
    }
}
