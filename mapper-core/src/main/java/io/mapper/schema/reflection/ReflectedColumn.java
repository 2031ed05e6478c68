package io.mapper.schema.reflection;

import org.jspecify.annotations.Nullable;

import io.mapper.types.SqlType;

/**
 * One column of a reflected table, as the database describes it.
 *
 * @param name the column's name (H2's upper-case names of unquoted identifiers are reported in lower case)
 * @param typeName the type as the database's catalog names it, without length or precision: {@code int8} and
 *        {@code varchar} on PostgreSQL, {@code CHARACTER VARYING} on H2, {@code varchar} on MariaDB, and the
 *        declared type on SQLite
 * @param length the maximum length of a character or binary type, when the database keeps one
 * @param precision the precision of an exact numeric type ({@code NUMERIC(p, s)}), when declared
 * @param scale the scale of an exact numeric type, when declared
 * @param type the mapper type that reads and writes this column: a built-in type where one fits, else an
 *        {@link io.mapper.types.UnknownType} named as the column was declared ({@code CHAR(36)},
 *        {@code enum('S','M')}, {@code interval})
 * @param nullable whether the column accepts NULL
 * @param serverDefault the default expression as the database reports it ({@code 'active'::character varying},
 *        {@code CURRENT_TIMESTAMP}, ...), or {@code null}; identity and sequence defaults of auto-incrementing
 *        columns are reported through {@code autoincrement} instead
 * @param autoincrement whether the database generates the value (identity, serial, {@code AUTO_INCREMENT}, or
 *        SQLite's {@code INTEGER PRIMARY KEY})
 * @param comment the column's comment, or {@code null}
 */
public record ReflectedColumn(String name, String typeName, @Nullable Integer length, @Nullable Integer precision,
        @Nullable Integer scale, SqlType<?> type, boolean nullable, @Nullable String serverDefault,
        boolean autoincrement, @Nullable String comment) {
}
