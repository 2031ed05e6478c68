package io.mapper.compiler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.sql.Operation;
import io.mapper.sql.StatementKind;

/**
 * A statement rendered for one dialect: the JDBC SQL text and, for each {@code ?}, the key of the value bound there.
 *
 * <p>It holds no values, so one compiled statement serves every execution of statements with the same structure.
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param parameterKeys the parameter key for each placeholder, in order (a key may repeat)
 * @param generatedKeyColumns the columns whose generated values the driver should return, or empty
 * @param operation what the statement does
 * @param kind which layer built it
 */
public record CompiledStatement(String sql, List<String> parameterKeys, List<String> generatedKeyColumns,
        Operation operation, StatementKind kind) {

    public CompiledStatement {
        parameterKeys = List.copyOf(parameterKeys);
        generatedKeyColumns = List.copyOf(generatedKeyColumns);
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
