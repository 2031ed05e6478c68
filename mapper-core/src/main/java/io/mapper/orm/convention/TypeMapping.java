package io.mapper.orm.convention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Column;
import io.mapper.types.SqlType;
import io.mapper.types.Types;

/**
 * The SQL type of a mapped property, from its Java type and its {@link Column} settings (length, precision, scale);
 * an enum implementing {@link io.mapper.types.Coded} is stored by its codes, any other enum by constant name.
 * The metamodel processor applies the same rules at compile time.
 */
public final class TypeMapping {

    /** The length of a String column without {@code @Column(length = ...)}. */
    public static final int DEFAULT_LENGTH = 255;
    /** The precision of a BigDecimal column without {@code @Column(precision = ...)}. */
    public static final int DEFAULT_PRECISION = 19;
    /** The scale of a BigDecimal column without {@code @Column(scale = ...)}. */
    public static final int DEFAULT_SCALE = 2;

    private TypeMapping() {
    }

    /** The SQL type for {@code javaType}, or null when mapper has no built-in type for it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static @Nullable SqlType<?> forJavaType(Class<?> javaType, @Nullable Column column) {
        Class<?> type = io.mapper.types.Conversions.boxed(javaType);
        if (type == String.class) {
            int length = column == null ? DEFAULT_LENGTH : column.length();
            return length <= 0 ? Types.TEXT : Types.string(length);
        }
        if (type == Long.class) {
            return Types.BIGINT;
        }
        if (type == Integer.class) {
            return Types.INTEGER;
        }
        if (type == Short.class) {
            return Types.SMALLINT;
        }
        if (type == Boolean.class) {
            return Types.BOOLEAN;
        }
        if (type == BigDecimal.class) {
            int precision = column == null || column.precision() <= 0 ? DEFAULT_PRECISION : column.precision();
            int scale = column == null ? DEFAULT_SCALE : column.scale();
            return Types.numeric(precision, scale);
        }
        if (type == Double.class) {
            return Types.DOUBLE;
        }
        if (type == Float.class) {
            return Types.REAL;
        }
        if (type == LocalDate.class) {
            return Types.DATE;
        }
        if (type == LocalTime.class) {
            return Types.TIME;
        }
        if (type == LocalDateTime.class) {
            return Types.TIMESTAMP;
        }
        if (type == OffsetDateTime.class) {
            return Types.TIMESTAMP_WITH_TIME_ZONE;
        }
        if (type == Instant.class) {
            return Types.INSTANT;
        }
        if (type == UUID.class) {
            return Types.UUID;
        }
        if (type == byte[].class) {
            return Types.BLOB;
        }
        if (type.isEnum() && io.mapper.types.Coded.class.isAssignableFrom(type)) {
            return Types.enumByCode((Class) type);
        }
        if (type.isEnum()) {
            return Types.enumOf((Class) type);
        }
        return null;
    }
}
