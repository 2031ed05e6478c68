package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The database or driver does not support the requested feature (SQLState class 0A). */
public class NotSupportedException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public NotSupportedException(String message, @Nullable String sql, List<@Nullable Object> parameters,
            @Nullable String sqlState, int vendorCode, @Nullable Throwable cause) {
        super(message, sql, parameters, sqlState, vendorCode, cause);
    }
}
