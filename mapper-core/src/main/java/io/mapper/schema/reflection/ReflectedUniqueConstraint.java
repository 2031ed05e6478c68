package io.mapper.schema.reflection;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A UNIQUE constraint of a reflected table.
 *
 * @param name the constraint's name, or {@code null} where the database keeps none (SQLite without
 *        {@code CONSTRAINT name})
 * @param columns the constrained columns, in declaration order
 */
public record ReflectedUniqueConstraint(@Nullable String name, List<String> columns) {

    public ReflectedUniqueConstraint {
        columns = List.copyOf(columns);
    }
}
