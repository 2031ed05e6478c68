package io.mapper.schema.reflection;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * Everything reflection read about one table of a live database: columns in their order, keys, indexes and
 * constraints. Immutable; read it with {@code Inspector.table(name)} or build {@code Table}s from it with
 * {@code MetaData.reflect}.
 *
 * @param name the table's name
 * @param schema the schema it was reflected from when one was named, or {@code null} for the connection's own
 * @param columns the columns, in table order
 * @param primaryKey the primary key, or {@code null} when the table has none
 * @param foreignKeys the foreign keys
 * @param indexes the indexes created as indexes
 * @param uniqueConstraints the UNIQUE constraints
 * @param checkConstraints the CHECK constraints
 * @param comment the table's comment, or {@code null}
 */
public record ReflectedTable(String name, @Nullable String schema, List<ReflectedColumn> columns,
        @Nullable ReflectedPrimaryKey primaryKey, List<ReflectedForeignKey> foreignKeys, List<ReflectedIndex> indexes,
        List<ReflectedUniqueConstraint> uniqueConstraints, List<ReflectedCheckConstraint> checkConstraints,
        @Nullable String comment) {

    public ReflectedTable {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        checkConstraints = List.copyOf(checkConstraints);
    }

    /** The column with this name; an {@link ArgumentException} naming the table's columns when there is none. */
    public ReflectedColumn column(String columnName) {
        return findColumn(columnName).orElseThrow(() -> new ArgumentException("Table '" + name
                + "' has no column '" + columnName + "'; its columns are " + columnNames() + "."));
    }

    /** The column with this name, if the table has one. */
    public Optional<ReflectedColumn> findColumn(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    /** The columns' names, in table order. */
    public List<String> columnNames() {
        return columns.stream().map(ReflectedColumn::name).toList();
    }

    /** The primary key, if the table has one. */
    public Optional<ReflectedPrimaryKey> findPrimaryKey() {
        return Optional.ofNullable(primaryKey);
    }
}
