package io.mapper.schema.reflection;

import java.util.List;

/**
 * An index of a reflected table that was created as an index, not one the database built to back a primary key or a
 * unique constraint (those are reported as the constraints).
 *
 * @param name the index's name
 * @param columns the indexed columns, in index order
 * @param unique whether the index rejects duplicate keys
 */
public record ReflectedIndex(String name, List<String> columns, boolean unique) {

    public ReflectedIndex {
        columns = List.copyOf(columns);
    }
}
