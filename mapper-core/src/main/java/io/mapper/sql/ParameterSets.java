package io.mapper.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * The parameter sets of an executemany, keyed the way the statement's compiled form needs them. As in SQLAlchemy,
 * a set names an INSERT's or UPDATE's values by column name: {@code executeMany(insert(customer), rows)} takes its
 * columns from the rows (every row must give the same columns; a missing value is an error naming it), and with
 * {@code .values(template)} or {@code .set(...)} a column name in a set replaces that column's value. Keys that are
 * already the statement's parameter keys ({@code name_1}) pass through unchanged. Immutable.
 *
 * @param statement the statement to compile and run once per set
 * @param sets the parameter sets keyed by the statement's parameter keys
 * @param rows the sets as rows keyed by column, for an INSERT ... RETURNING sent as multi-row VALUES; empty otherwise
 */
public record ParameterSets(Executable statement, List<Map<String, @Nullable Object>> sets,
        List<Map<String, @Nullable Object>> rows) {

    /**
     * The statement with the given rows as one multi-row VALUES (an INSERT ... RETURNING of many rows in one
     * statement, so every returned row comes back, in order).
     */
    public Insert insertRows(List<Map<String, @Nullable Object>> chunk) {
        return ((Insert) statement).values(chunk);
    }

    /** Keys {@code parameterSets} for {@code statement}; other statements' sets are returned as they are. */
    public static ParameterSets of(Executable statement, List<? extends Map<String, ? extends @Nullable Object>> parameterSets) {
        for (int i = 0; i < parameterSets.size(); i++) {
            Objects.requireNonNull(parameterSets.get(i), "parameter set " + (i + 1) + " in executeMany(...) is null");
        }
        if (statement instanceof Insert insert && insert.select() == null && insert.rows().size() <= 1) {
            return insert(insert, parameterSets);
        }
        if (statement instanceof Update update) {
            return byColumn(update, update.table(), update.columns(), update.values(), parameterSets, false);
        }
        return new ParameterSets(statement, unchanged(parameterSets), List.of());
    }

    private static ParameterSets insert(Insert insert, List<? extends Map<String, ? extends @Nullable Object>> sets) {
        TableClause table = insert.table();
        Insert statement = insert;
        if (insert.rows().isEmpty() && !sets.isEmpty()) {
            // No .values(...): the columns are those the first set names, in the table's order.
            Map<String, @Nullable Object> template = new LinkedHashMap<>();
            for (String key : sets.get(0).keySet()) {
                template.put(DmlSupport.column(table, key).name(), null);
            }
            if (template.isEmpty()) {
                return new ParameterSets(insert, unchanged(sets), List.of());
            }
            statement = insert.values(template);
            Set<String> expected = template.keySet();
            for (int i = 1; i < sets.size(); i++) {
                for (String key : sets.get(i).keySet()) {
                    if (!expected.contains(DmlSupport.column(table, key).name())) {
                        throw new ArgumentException("Parameter set " + (i + 1) + " of executeMany(insert("
                                + table.name() + ")) gives '" + key + "', which the first set does not; every set "
                                + "must give the columns of the first, " + expected + ".");
                    }
                }
            }
        }
        List<Expression<?>> values = statement.rows().isEmpty() ? List.of() : statement.rows().get(0);
        return byColumn(statement, table, statement.columns(), values, sets, insert.rows().isEmpty());
    }

    /**
     * Maps column-name keys to the keys of the parameters that hold those columns' values; a column whose value in
     * the statement is an expression (not a bound value) cannot be replaced by a set.
     */
    private static ParameterSets byColumn(CacheableStatement statement, TableClause table,
            List<ColumnClause<?>> columns, List<Expression<?>> values,
            List<? extends Map<String, ? extends @Nullable Object>> sets, boolean everyColumnRequired) {
        BoundParameters parameters = BoundParameters.of(statement);
        Map<String, String> keyByColumn = new HashMap<>();
        Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (values.get(i) instanceof BindParameter<?> parameter) {
                String key = parameters.keyOf(parameter);
                keyByColumn.put(columns.get(i).name(), key);
                defaults.put(columns.get(i).name(), parameter.value());
            } else {
                // An expression (now(), a subquery) stays in every row of a multi-row VALUES.
                defaults.put(columns.get(i).name(), values.get(i));
            }
        }
        Set<String> parameterKeys = parameters.values().keySet();
        if (statement.resultColumns().isEmpty() && !everyColumnRequired && keyedByParameter(sets, parameterKeys)) {
            // The compiled way (the ORM's flush, JDBC-style batches): nothing to translate, nothing to copy.
            return new ParameterSets(statement, unchanged(sets), List.of());
        }
        Map<String, String> columnByKey = new HashMap<>();
        keyByColumn.forEach((column, key) -> columnByKey.put(key, column));
        List<Map<String, @Nullable Object>> result = new ArrayList<>(sets.size());
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            Map<String, ? extends @Nullable Object> set = sets.get(i);
            Map<String, @Nullable Object> keyed = new HashMap<>();
            Map<String, @Nullable Object> row = new LinkedHashMap<>(defaults);
            Set<String> given = new LinkedHashSet<>();
            // A set whose every key is a parameter key is keyed the compiled way ({name_1: ...}), even where a key is
            // also a column's name (columns x and x_1 make the keys x_1 and x_1_1).
            boolean byParameterKey = !set.isEmpty() && parameterKeys.containsAll(set.keySet());
            for (Map.Entry<String, ? extends @Nullable Object> entry : set.entrySet()) {
                String name = entry.getKey();
                if (parameterKeys.contains(name) && (byParameterKey || !keyByColumn.containsKey(name))) {
                    keyed.put(name, entry.getValue());
                    String column = columnByKey.get(name);
                    if (column != null) {
                        row.put(column, entry.getValue());
                        given.add(column);
                    }
                    continue;
                }
                if (!table.hasColumn(name)) {
                    throw new ArgumentException("Parameter set " + (i + 1) + " of executeMany(...) gives '" + name
                            + "', which is neither a column of '" + table.name() + "' (" + DmlSupport.names(table)
                            + ") nor a parameter of the statement (" + parameterKeys + ").");
                }
                String column = table.column(name).name();
                String key = keyByColumn.get(column);
                if (key == null) {
                    throw new ArgumentException("Parameter set " + (i + 1) + " of executeMany(...) gives the column '"
                            + column + "', which the statement does not set from a bound value; add it to "
                            + ".values(...), or leave .values(...) out so the sets decide the columns.");
                }
                keyed.put(key, entry.getValue());
                row.put(column, entry.getValue());
                given.add(column);
            }
            if (everyColumnRequired && given.size() < keyByColumn.size()) {
                List<String> missing = keyByColumn.keySet().stream().filter(column -> !given.contains(column))
                        .sorted().toList();
                throw new ArgumentException("Parameter set " + (i + 1) + " of executeMany(insert(" + table.name()
                        + ")) has no value for " + missing + "; every set must give the columns of the first, "
                        + keyByColumn.keySet().stream().sorted().toList()
                        + " (give null for NULL). A value is never filled in silently.");
            }
            result.add(keyed);
            rows.add(row);
        }
        return new ParameterSets(statement, result, statement instanceof Insert ? rows : List.of());
    }

    private static boolean keyedByParameter(List<? extends Map<String, ? extends @Nullable Object>> sets,
            Set<String> parameterKeys) {
        for (Map<String, ? extends @Nullable Object> set : sets) {
            if (set.isEmpty() || !parameterKeys.containsAll(set.keySet())) {
                return false;
            }
        }
        return true;
    }

    /** The sets as they are: only read, so a view of the caller's list serves (no copy per executemany). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, @Nullable Object>> unchanged(
            List<? extends Map<String, ? extends @Nullable Object>> sets) {
        return (List<Map<String, @Nullable Object>>) (List<?>) java.util.Collections.unmodifiableList(sets);
    }
}
