package io.mapper.exception;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The database rejected a statement; carries the SQL, the SQLState, the vendor code and the JDBC cause.
 *
 * <p>Bound values are carried (and shown in the message) only when the engine was built with
 * {@code logParameters(true)}; otherwise {@link #parameters()} is empty, so that secrets do not reach logs.
 */
public class DatabaseException extends MapperException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String sql;
    private final List<@Nullable Object> parameters;
    private final @Nullable String sqlState;
    private final int vendorCode;

    public DatabaseException(String message, @Nullable String sql, List<@Nullable Object> parameters,
            @Nullable String sqlState, int vendorCode, @Nullable Throwable cause) {
        super(message, cause);
        this.sql = sql;
        this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    /** The SQL text that failed, or null when the failure was not tied to one statement. */
    public @Nullable String sql() {
        return sql;
    }

    /** The bound values, only when the engine was asked to include them; otherwise empty. */
    public List<@Nullable Object> parameters() {
        return parameters;
    }

    /** The five-character SQLState the driver reported, or null when it reported none (SQLite often does not). */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /** The driver's vendor-specific error code, or 0. */
    public int vendorCode() {
        return vendorCode;
    }
}
