package io.mapper.sql;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import io.mapper.types.JdbcType;
import io.mapper.types.SqlType;
import io.mapper.types.Types;

/**
 * The SQL types the expression language gives to the expressions it creates (conditions, counts, timestamps,
 * literals). They equal the schema layer's types of the same name, as {@link JdbcType} compares by value.
 */
final class BuiltinTypes {

    static final SqlType<Boolean> BOOLEAN = new JdbcType<>("BOOLEAN", Boolean.class, java.sql.Types.BOOLEAN);
    // Read with getObject and converted: CURRENT_TIMESTAMP is TIMESTAMP WITH TIME ZONE on PostgreSQL.
    static final SqlType<LocalDateTime> TIMESTAMP =
            new JdbcType<>("TIMESTAMP", LocalDateTime.class, java.sql.Types.TIMESTAMP);
    // The built-in type itself, so that each dialect binds a decimal the way it compares (SQLite: as a number).
    static final SqlType<BigDecimal> NUMERIC = Types.NUMERIC;
    /** The type of a value whose SQL type is not known: bound with the dialect's untyped binding. */
    static final SqlType<Object> NULL = new JdbcType<>("NULL", Object.class, java.sql.Types.NULL);

    private BuiltinTypes() {
    }

    /** The natural SQL type of a Java value, or {@link #NULL} when there is none. */
    @SuppressWarnings("unchecked")
    static <T> SqlType<T> forValue(@Nullable T value) {
        Object type;
        if (value instanceof String) {
            type = Types.TEXT;
        } else if (value instanceof Integer) {
            type = Types.INTEGER;
        } else if (value instanceof Long) {
            type = Types.BIGINT;
        } else if (value instanceof Short) {
            type = Types.SMALLINT;
        } else if (value instanceof Double) {
            type = Types.DOUBLE;
        } else if (value instanceof BigDecimal) {
            type = NUMERIC;
        } else if (value instanceof Boolean) {
            type = BOOLEAN;
        } else {
            type = NULL;
        }
        return (SqlType<T>) type;
    }

    /** Whether a value of this type is bound without a declared type. */
    static boolean isUntyped(SqlType<?> type) {
        return type == NULL;
    }
}
