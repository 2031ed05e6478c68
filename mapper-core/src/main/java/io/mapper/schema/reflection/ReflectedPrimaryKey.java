package io.mapper.schema.reflection;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The primary key of a reflected table.
 *
 * @param name the constraint's name, or {@code null} where the database keeps none (SQLite without
 *        {@code CONSTRAINT name}); MariaDB always reports {@code PRIMARY}
 * @param columns the key's columns, in key order
 */
public record ReflectedPrimaryKey(@Nullable String name, List<String> columns) {

    public ReflectedPrimaryKey {
        columns = List.copyOf(columns);
    }
}
