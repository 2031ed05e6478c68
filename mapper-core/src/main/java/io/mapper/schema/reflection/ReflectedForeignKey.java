package io.mapper.schema.reflection;

import java.util.List;

import org.jspecify.annotations.Nullable;


/**
 * A foreign key of a reflected table.
 *
 * @param name the constraint's name, or {@code null} where the database keeps none (SQLite without
 *        {@code CONSTRAINT name})
 * @param columns the referring columns, in key order
 * @param referredSchema the referred table's schema, or {@code null} when it is the referring table's own schema
 * @param referredTable the referred table's name
 * @param referredColumns the referred columns, in the same order as {@code columns}
 * @param onDelete what deleting a referred row does
 * @param onUpdate what updating a referred key does
 */
public record ReflectedForeignKey(@Nullable String name, List<String> columns, @Nullable String referredSchema,
        String referredTable, List<String> referredColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ReflectedForeignKey {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
    }
}
