package io.mapper.schema;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * An index over one or more columns: {@code Index.on("last_name", "first_name")}, {@code Index.on("email").unique()}.
 * Named by the metadata's naming convention (the {@code ix} template) unless {@code named(...)}. Immutable.
 */
public final class Index implements TableElement {

    private final List<String> columnNames;
    private final boolean unique;
    private final @Nullable String name;
    private final @Nullable Table table;

    private Index(List<String> columnNames, boolean unique, @Nullable String name, @Nullable Table table) {
        this.columnNames = List.copyOf(columnNames);
        this.unique = unique;
        this.name = name;
        this.table = table;
    }

    /** An index over these columns, in this order. */
    public static Index on(String... columns) {
        return new Index(Constraint.requireColumns("index", columns), false, null, null);
    }

    /** The same index, enforcing uniqueness. */
    public Index unique() {
        return new Index(columnNames, true, name, null);
    }

    /** The same index with an explicit name. */
    public Index named(String indexName) {
        return new Index(columnNames, unique, NamingConvention.requireName(indexName), null);
    }

    Index attach(Table owner, @Nullable String finalName) {
        return new Index(columnNames, unique, finalName, owner);
    }

    /** Whether the index enforces uniqueness. */
    public boolean isUnique() {
        return unique;
    }

    /** The index name, explicit or from the naming convention. */
    public String name() {
        if (name == null) {
            throw new ArgumentException("This index on " + columnNames + " has no name yet: it is named when given "
                    + "to metadata.table(...), or name it with named(\"...\").");
        }
        return name;
    }

    @Nullable String explicitName() {
        return name;
    }

    /** The indexed columns' names, in order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The table; raises before attachment. */
    public Table table() {
        if (table == null) {
            throw new ArgumentException("This index on " + columnNames + " is not attached to a table; give it to "
                    + "metadata.table(...).");
        }
        return table;
    }

    /** The indexed columns. */
    public List<Column<?>> columns() {
        List<Column<?>> columns = new ArrayList<>(columnNames.size());
        for (String column : columnNames) {
            columns.add(table().column(column));
        }
        return columns;
    }

    @Override
    public String toString() {
        return "Index[" + (name == null ? "" : name + " ") + columnNames + (unique ? " unique" : "") + "]";
    }
}
