package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The SQL is wrong for this database (SQLState class 42): syntax, an unknown table or column, missing privileges. */
public class ProgrammingException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public ProgrammingException(String message, @Nullable String sql, List<@Nullable Object> parameters,
            @Nullable String sqlState, int vendorCode, @Nullable Throwable cause) {
        super(message, sql, parameters, sqlState, vendorCode, cause);
    }
}
