package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The database rejected a value (SQLState class 22): out of range, too long, or not convertible. */
public class DataException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public DataException(String message, @Nullable String sql, List<@Nullable Object> parameters,
            @Nullable String sqlState, int vendorCode, @Nullable Throwable cause) {
        super(message, sql, parameters, sqlState, vendorCode, cause);
    }
}
