package io.mapper.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/** Shared checks of INSERT, UPDATE and DELETE: resolving column keys and values against the target table. */
final class DmlSupport {

    private DmlSupport() {
    }

    /** The column a values-map key names: a column of {@code table}, or the name of one. */
    static ColumnClause<?> column(TableClause table, Object key) {
        Objects.requireNonNull(key, "a column key must not be null");
        if (key instanceof ColumnClause<?> column) {
            if (column.table() == table) {
                return column;
            }
            if (column.table() == null && table.hasColumn(column.name())) {
                return table.column(column.name());
            }
            throw new ArgumentException("The column " + column + " does not belong to the table '" + table.name()
                    + "'; its columns are " + names(table) + ".");
        }
        if (key instanceof String name) {
            return table.column(name);
        }
        throw new ArgumentException("Column keys are column objects or names, not " + key.getClass().getSimpleName());
    }

    private static final java.util.Comparator<ColumnClause<?>> BY_NAME =
            java.util.Comparator.comparing(ColumnClause::name);

    /**
     * The row as columns of {@code table} mapped to expressions, values bound with the column's type, in the
     * table's column order (columns the table reference does not declare after them, by name): the SQL does not
     * depend on the map's iteration order.
     */
    static Map<ColumnClause<?>, Expression<?>> row(TableClause table, Map<?, ?> values) {
        Map<ColumnClause<?>, Expression<?>> unordered = new java.util.HashMap<>();
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            ColumnClause<?> column = column(table, entry.getKey());
            if (unordered.put(column, value(column, entry.getValue())) != null) {
                throw new ArgumentException("The column '" + column.name() + "' is given twice.");
            }
        }
        Map<ColumnClause<?>, Expression<?>> row = new LinkedHashMap<>((int) (unordered.size() / 0.75f) + 1);
        for (ColumnClause<?> column : table.columns()) {
            Expression<?> value = unordered.get(column);
            if (value != null) {
                row.put(column, value);
            }
        }
        // Columns the table reference does not declare (a metamodel's Attribute.table(...) declares none) were
        // dropped here before, silently turning the row into DEFAULT VALUES; they follow, ordered by name.
        if (row.size() < unordered.size()) {
            List<ColumnClause<?>> undeclared = new ArrayList<>(unordered.size() - row.size());
            for (ColumnClause<?> column : unordered.keySet()) {
                if (row.isEmpty() || !row.containsKey(column)) {
                    undeclared.add(column);
                }
            }
            undeclared.sort(BY_NAME);
            for (ColumnClause<?> column : undeclared) {
                row.put(column, unordered.get(column));
            }
        }
        return row;
    }

    static Expression<?> value(ColumnClause<?> column, @Nullable Object value) {
        return Coercions.value(column, value, "SET");
    }

    static List<Expression<?>> returning(Object... columns) {
        return Select.columnsOf(columns);
    }

    static <E> List<E> append(List<E> list, List<? extends E> more) {
        List<E> result = new ArrayList<>(list);
        result.addAll(more);
        return List.copyOf(result);
    }

    /** A target table's name as the application gave it, qualified by its schema when it has one. */
    static String collectionName(TableClause table) {
        String schema = table.schema();
        return schema == null ? table.name() : schema + "." + table.name();
    }

    static List<String> names(TableClause table) {
        return table.columns().stream().map(ColumnClause::name).toList();
    }
}
