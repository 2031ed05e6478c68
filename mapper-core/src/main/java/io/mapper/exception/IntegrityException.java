package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The statement violated a constraint of the database (SQLState class 23): unique, foreign key, not-null or check. */
public class IntegrityException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public IntegrityException(String message, @Nullable String sql, List<@Nullable Object> parameters,
            @Nullable String sqlState, int vendorCode, @Nullable Throwable cause) {
        super(message, sql, parameters, sqlState, vendorCode, cause);
    }
}
