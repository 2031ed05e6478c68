package io.mapper.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * A table constraint: {@link PrimaryKeyConstraint}, {@link ForeignKeyConstraint}, {@link UniqueConstraint} or
 * {@link CheckConstraint}. Declared without a table and given to {@code metadata.table(...)}, which attaches a copy
 * and names it by the metadata's {@link NamingConvention} unless it was {@code named(...)} explicitly.
 * Immutable and thread-safe.
 */
public abstract sealed class Constraint implements TableElement
        permits PrimaryKeyConstraint, ForeignKeyConstraint, UniqueConstraint, CheckConstraint {

    private final List<String> columnNames;
    private final @Nullable String name;
    private final @Nullable Table table;

    Constraint(List<String> columnNames, @Nullable String name, @Nullable Table table) {
        this.columnNames = List.copyOf(columnNames);
        this.name = name;
        this.table = table;
    }

    static List<String> requireColumns(String kind, String... columns) {
        if (columns.length == 0) {
            throw new ArgumentException("A " + kind + " needs at least one column name.");
        }
        for (String column : columns) {
            Objects.requireNonNull(column, () -> "a column name of a " + kind + " is null");
        }
        return List.of(columns);
    }

    /** The naming-convention key of this kind of constraint: pk, fk, uq or ck. */
    abstract String conventionKey();

    /** A copy with this name and table. */
    abstract Constraint attach(Table owner, @Nullable String finalName);

    /** The name given with {@code named(...)} before attachment, or the final name once attached. */
    public @Nullable String explicitName() {
        return name;
    }

    /**
     * The constraint's name in the database: explicit or from the naming convention. Raises if the constraint is
     * not attached to a table and has no explicit name.
     */
    public String name() {
        if (name == null) {
            throw new ArgumentException("This " + getClass().getSimpleName() + " has no name yet: it is named "
                    + "when given to metadata.table(...), or name it with named(\"...\").");
        }
        return name;
    }

    /** Whether the constraint has a name (always, once attached under a naming convention). */
    public boolean hasName() {
        return name != null;
    }

    /** The names of the constrained columns, in key order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The table the constraint belongs to; raises before attachment. */
    public Table table() {
        if (table == null) {
            throw new ArgumentException("This " + getClass().getSimpleName() + " on " + columnNames
                    + " is not attached to a table; give it to metadata.table(...).");
        }
        return table;
    }

    /** The constrained columns of the table, in key order. */
    public List<Column<?>> columns() {
        Table owner = table();
        List<Column<?>> columns = new ArrayList<>(columnNames.size());
        for (String columnName : columnNames) {
            columns.add(owner.column(columnName));
        }
        return columns;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (name == null ? "" : name + " ") + columnNames + "]";
    }
}
