package io.mapper.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * A named table as the expression language sees it: a name and its columns, nothing about keys or DDL
 * (SQLAlchemy's lightweight {@code TableClause}; {@code io.mapper.schema.Table} extends it with schema facts).
 * Immutable once constructed, and thread-safe.
 */
public class TableClause implements ClauseElement {

    private final String name;
    private final @Nullable String schema;
    /** {@link #hashCode()}, computed once: tables are hashed whenever a statement's FROM list is derived. */
    private final int hash;
    private final List<ColumnClause<?>> columns;
    private final Map<String, ColumnClause<?>> columnsByName;

    /** A table with these columns; each column is attached to the new table. */
    protected TableClause(String name, @Nullable String schema, List<? extends ColumnClause<?>> columns) {
        Objects.requireNonNull(name, "table name must not be null");
        if (name.isBlank()) {
            throw new ArgumentException("A table name must not be blank.");
        }
        this.name = name;
        this.schema = schema;
        this.hash = 31 * name.hashCode() + Objects.hashCode(schema);
        List<ColumnClause<?>> attached = new ArrayList<>(columns.size());
        Map<String, ColumnClause<?>> byName = new LinkedHashMap<>();
        for (ColumnClause<?> column : columns) {
            Objects.requireNonNull(column, () -> "a column of table '" + name + "' is null");
            ColumnClause<?> copy = attach(column);
            if (byName.putIfAbsent(copy.name(), copy) != null) {
                throw new ArgumentException("Table '" + name + "' declares the column '" + copy.name()
                        + "' twice; column names must be unique within a table.");
            }
            attached.add(copy);
        }
        this.columns = Collections.unmodifiableList(attached);
        this.columnsByName = Collections.unmodifiableMap(byName);
    }

    /** A lightweight table for ad-hoc statements: {@code table("user_account", column("id", Types.BIGINT))}. */
    public static TableClause of(String name, ColumnClause<?>... columns) {
        return new TableClause(name, null, List.of(columns));
    }

    /**
     * A lightweight table in a named schema ({@code null}: the default schema), rendered {@code schema.name}:
     * {@code TableClause.inSchema("archive", "orders", column("id", Types.BIGINT))}.
     */
    public static TableClause inSchema(@Nullable String schema, String name, ColumnClause<?>... columns) {
        if (schema != null && schema.isBlank()) {
            throw new ArgumentException("A schema name must not be blank; use null for the default schema.");
        }
        return new TableClause(name, schema, List.of(columns));
    }

    /** Attaches a column definition to this table; subclasses return their own column type. */
    protected ColumnClause<?> attach(ColumnClause<?> column) {
        return column.withTable(this);
    }

    /** The table's name, unquoted. */
    public String name() {
        return name;
    }

    /** The schema the table lives in, or null for the connection's default schema. */
    public @Nullable String schema() {
        return schema;
    }

    /** The columns, in declaration order. */
    public List<ColumnClause<?>> columns() {
        return columns;
    }

    /** The column with this name; an unknown name raises an {@link ArgumentException} listing the columns. */
    public ColumnClause<?> column(String columnName) {
        ColumnClause<?> column = columnsByName.get(columnName);
        if (column == null) {
            throw new ArgumentException("Table '" + name + "' has no column '" + columnName + "'; its columns are "
                    + columnsByName.keySet() + ".");
        }
        return column;
    }

    /** The column with this name, checked to hold values of {@code javaType}. */
    @SuppressWarnings("unchecked")
    public <T> ColumnClause<T> column(String columnName, Class<T> javaType) {
        ColumnClause<?> column = column(columnName);
        Class<?> actual = io.mapper.types.Conversions.boxed(column.type().javaType());
        if (!io.mapper.types.Conversions.boxed(javaType).isAssignableFrom(actual)) {
            throw new ArgumentException("Column '" + name + "." + columnName + "' holds " + actual.getSimpleName()
                    + " values, not " + javaType.getSimpleName() + ". Ask for column(\"" + columnName + "\", "
                    + actual.getSimpleName() + ".class).");
        }
        return (ColumnClause<T>) column;
    }

    /** Whether the table has a column with this name. */
    public boolean hasColumn(String columnName) {
        return columnsByName.containsKey(columnName);
    }

    /** The foreign keys of this table, for join inference; a lightweight table has none. */
    public List<ForeignKeyReference> foreignKeys() {
        return List.of();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitTable(this);
    }

    /**
     * Tables are equal when they name the same table (schema and name): in one statement, two unaliased
     * references to a table are the same table, so it appears in the FROM clause once. Aliases compare by alias.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof TableClause that && !(this instanceof TableAlias) && !(that instanceof TableAlias)
                && name.equals(that.name) && Objects.equals(schema, that.schema);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
