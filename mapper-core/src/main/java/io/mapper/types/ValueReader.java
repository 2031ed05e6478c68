package io.mapper.types;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Reads one value of a {@link BuiltInType} from a result; SQL NULL reads as {@code null}.
 *
 * @param <T> the Java type of the values
 */
@FunctionalInterface
public interface ValueReader<T> {

    /** Reads the value at a 1-based column index. */
    @Nullable T read(ResultSet resultSet, int index) throws SQLException;
}
