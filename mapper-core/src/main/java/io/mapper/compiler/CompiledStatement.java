package io.mapper.compiler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.sql.Expression;
import io.mapper.sql.Operation;
import io.mapper.sql.StatementKind;
import io.mapper.types.SqlType;

/**
 * A statement rendered for one dialect: the JDBC SQL text and, for each {@code ?}, the key of the value bound there
 * and its SQL type (null for untyped values, such as those of hand-written text).
 *
 * <p>It holds no values, so one compiled statement serves every execution of statements with the same structure.
 */
public final class CompiledStatement {

    private final String sql;
    private final List<String> parameterKeys;
    private final List<String> generatedKeyColumns;
    private final Operation operation;
    private final StatementKind kind;
    private final List<@Nullable SqlType<?>> parameterTypes;
    private final List<Expression<?>> resultColumns;
    private final List<SqlType<?>> resultTypes;
    // What the engine derives from the first execution and reuses for every later one (the result's shape and
    // column readers): a compiled statement is shared by every execution of its structure.
    private volatile @Nullable Object executionCache;
    // The offsets of a single-row INSERT's VALUES group that may be repeated for many rows, else -1.
    private int valuesStart = -1;
    private int valuesEnd = -1;
    // The last two expansions (statements for n rows): a bulk insert uses its batch size and one remainder.
    private volatile @Nullable CompiledStatement expandedA;
    private volatile @Nullable CompiledStatement expandedB;
    private int expandedRows = 1;

    /** A compiled statement; see the class description for each part. */
    public CompiledStatement(String sql, List<String> parameterKeys, List<String> generatedKeyColumns,
            Operation operation, StatementKind kind, List<@Nullable SqlType<?>> parameterTypes,
            List<Expression<?>> resultColumns) {
        this.sql = sql;
        this.parameterKeys = List.copyOf(parameterKeys);
        this.generatedKeyColumns = List.copyOf(generatedKeyColumns);
        this.operation = operation;
        this.kind = kind;
        this.parameterTypes = Collections.unmodifiableList(new ArrayList<>(parameterTypes));
        this.resultColumns = List.copyOf(resultColumns);
        this.resultTypes = this.resultColumns.stream().<SqlType<?>>map(Expression::type).toList();
    }

    /** A compiled statement whose parameters and result columns have no declared types (hand-written SQL). */
    public CompiledStatement(String sql, List<String> parameterKeys, List<String> generatedKeyColumns,
            Operation operation, StatementKind kind) {
        this(sql, parameterKeys, generatedKeyColumns, operation, kind, List.of(), List.of());
    }

    /** Marks the VALUES group between these SQL offsets as repeatable; set by the compiler only. */
    void valuesGroup(int start, int end) {
        this.valuesStart = start;
        this.valuesEnd = end;
    }

    /**
     * Whether this is a single-row INSERT whose VALUES group holds every placeholder, so that {@link #forRows} can
     * write it for many rows (SQLAlchemy's "insertmanyvalues").
     */
    public boolean repeatsValues() {
        return valuesStart >= 0;
    }

    /**
     * This INSERT for {@code rows} rows: its VALUES group written {@code rows} times, the placeholders' keys and
     * types repeated per row, so the values are bound row after row. The last two are kept: a bulk insert asks for
     * its batch size and one remainder.
     */
    public CompiledStatement forRows(int rows) {
        if (!repeatsValues()) {
            throw new IllegalStateException("Only a single-row INSERT whose VALUES hold every placeholder can be "
                    + "written for many rows: " + sql);
        }
        if (rows == 1) {
            return this;
        }
        CompiledStatement a = expandedA;
        if (a != null && a.expandedRows == rows) {
            return a;
        }
        CompiledStatement b = expandedB;
        if (b != null && b.expandedRows == rows) {
            return b;
        }
        String group = sql.substring(valuesStart, valuesEnd);
        StringBuilder text = new StringBuilder(sql.length() + (group.length() + 2) * (rows - 1));
        text.append(sql, 0, valuesEnd);
        for (int i = 1; i < rows; i++) {
            text.append(", ").append(group);
        }
        text.append(sql, valuesEnd, sql.length());
        List<String> keys = new ArrayList<>(parameterKeys.size() * rows);
        List<@Nullable SqlType<?>> types = new ArrayList<>(parameterKeys.size() * rows);
        for (int i = 0; i < rows; i++) {
            keys.addAll(parameterKeys);
            types.addAll(parameterTypes);
        }
        CompiledStatement expanded = new CompiledStatement(text.toString(), keys, generatedKeyColumns, operation,
                kind, types, resultColumns);
        expanded.expandedRows = rows;
        expandedB = a;
        expandedA = expanded;
        return expanded;
    }

    /** The SQL type of the placeholder at a 0-based position, or null when it is bound untyped. */
    public @Nullable SqlType<?> parameterType(int index) {
        return index < parameterTypes.size() ? parameterTypes.get(index) : null;
    }

    /** The SQL types of the returned columns, in order; empty when unknown. */
    public List<SqlType<?>> resultTypes() {
        return resultTypes;
    }

    /** The SQL text with {@code ?} placeholders. */
    public String sql() {
        return sql;
    }

    /** The parameter key for each placeholder, in order (a key may repeat). */
    public List<String> parameterKeys() {
        return parameterKeys;
    }

    /** The columns whose generated values the driver should return, or empty. */
    public List<String> generatedKeyColumns() {
        return generatedKeyColumns;
    }

    /** What the statement does. */
    public Operation operation() {
        return operation;
    }

    /** Which layer built it. */
    public StatementKind kind() {
        return kind;
    }

    /** The SQL type of each placeholder (null: bound untyped); empty when none is known. */
    public List<@Nullable SqlType<?>> parameterTypes() {
        return parameterTypes;
    }

    /** The expressions of the returned columns, in order, when the statement knows them. */
    public List<Expression<?>> resultColumns() {
        return resultColumns;
    }

    /**
     * What the engine derived from an earlier execution of this statement (its result's shape and readers), or
     * null; for the engine, not for applications.
     */
    public @Nullable Object executionCache() {
        return executionCache;
    }

    /** Keeps what the engine derived from an execution, for the next ones; for the engine, not for applications. */
    public void executionCache(Object derived) {
        executionCache = derived;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CompiledStatement that && sql.equals(that.sql)
                && parameterKeys.equals(that.parameterKeys) && generatedKeyColumns.equals(that.generatedKeyColumns)
                && operation == that.operation && kind == that.kind && parameterTypes.equals(that.parameterTypes)
                && resultColumns.equals(that.resultColumns);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sql, parameterKeys, generatedKeyColumns, operation, kind, parameterTypes,
                resultColumns);
    }

    @Override
    public String toString() {
        return "CompiledStatement[" + sql + ", parameters " + parameterKeys + "]";
    }

    /**
     * The values for the placeholders, in order: taken from {@code executionValues} first, then from the values
     * the statement carries. A key present in neither is an error that names it.
     */
    public List<@Nullable Object> bindValues(Map<String, ? extends @Nullable Object> statementValues,
            Map<String, ? extends @Nullable Object> executionValues) {
        if (parameterKeys.isEmpty()) {
            return List.of();
        }
        List<@Nullable Object> values = new ArrayList<>(parameterKeys.size());
        for (String key : parameterKeys) {
            if (executionValues.containsKey(key)) {
                values.add(executionValues.get(key));
            } else if (statementValues.containsKey(key)) {
                values.add(statementValues.get(key));
            } else {
                throw new ArgumentException("No value was given for the parameter :" + key + " of the statement ["
                        + sql + "]. Bind it with .bind(\"" + key + "\", value) or pass it in the parameter map.");
            }
        }
        return Collections.unmodifiableList(values);
    }
}
