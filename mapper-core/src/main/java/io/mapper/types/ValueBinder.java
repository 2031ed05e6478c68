package io.mapper.types;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds one non-null value of a {@link BuiltInType} to a statement; dialects supply their own where a driver or the
 * storage differs.
 *
 * @param <T> the Java type of the values
 */
@FunctionalInterface
public interface ValueBinder<T> {

    /** Binds {@code value}, never null, at a 1-based index. */
    void bind(PreparedStatement statement, int index, T value) throws SQLException;
}
