package io.mapper.sql;

import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A statement compiled for one dialect, with its values: what {@code stmt.compile(dialect)} returns.
 *
 * @param sql the SQL with {@code ?} placeholders
 * @param parameterKeys the key of the value at each placeholder
 * @param parameters the value at each placeholder
 */
public record CompiledSql(String sql, List<String> parameterKeys, List<@Nullable Object> parameters) {

    public CompiledSql {
        parameterKeys = List.copyOf(parameterKeys);
        parameters = Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }

    @Override
    public String toString() {
        return sql;
    }
}
