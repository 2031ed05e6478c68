package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The connection or the transaction failed for reasons outside the statement (SQLState classes 08, 40, 53, 57, timeouts): connection loss, deadlock, serialization failure, pool exhaustion. */
public class OperationalException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public OperationalException(String message, @Nullable String sql, List<@Nullable Object> parameters,
            @Nullable String sqlState, int vendorCode, @Nullable Throwable cause) {
        super(message, sql, parameters, sqlState, vendorCode, cause);
    }
}
