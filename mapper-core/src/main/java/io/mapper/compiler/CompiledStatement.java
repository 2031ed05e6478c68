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
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param parameterKeys the parameter key for each placeholder, in order (a key may repeat)
 * @param generatedKeyColumns the columns whose generated values the driver should return, or empty
 * @param operation what the statement does
 * @param kind which layer built it
 * @param parameterTypes the SQL type of each placeholder (null: bound untyped); empty when none is known
 * @param resultColumns the expressions of the returned columns, in order, when the statement knows them
 */
public record CompiledStatement(String sql, List<String> parameterKeys, List<String> generatedKeyColumns,
        Operation operation, StatementKind kind, List<@Nullable SqlType<?>> parameterTypes,
        List<Expression<?>> resultColumns) {

    public CompiledStatement {
        parameterKeys = List.copyOf(parameterKeys);
        generatedKeyColumns = List.copyOf(generatedKeyColumns);
        parameterTypes = Collections.unmodifiableList(new ArrayList<>(parameterTypes));
        resultColumns = List.copyOf(resultColumns);
    }

    /** A compiled statement whose parameters and result columns have no declared types (hand-written SQL). */
    public CompiledStatement(String sql, List<String> parameterKeys, List<String> generatedKeyColumns,
            Operation operation, StatementKind kind) {
        this(sql, parameterKeys, generatedKeyColumns, operation, kind, List.of(), List.of());
    }

    /** The SQL type of the placeholder at a 0-based position, or null when it is bound untyped. */
    public @Nullable SqlType<?> parameterType(int index) {
        return index < parameterTypes.size() ? parameterTypes.get(index) : null;
    }

    /** The SQL types of the returned columns, in order; empty when unknown. */
    public List<SqlType<?>> resultTypes() {
        return resultColumns.stream().<SqlType<?>>map(Expression::type).toList();
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
