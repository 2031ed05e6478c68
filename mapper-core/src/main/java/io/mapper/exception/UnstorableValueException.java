package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A value was refused before it reached the database because its column cannot store it exactly: text with a NUL
 * character or an unpaired surrogate, text longer than a VARCHAR, a number with more digits or decimal places than a
 * NUMERIC keeps, an integer beyond its column's type. Some databases would reject it, others (SQLite, and PostgreSQL
 * or MariaDB when they round a decimal) would store something else; mapper refuses it the same way on all of them.
 * Nothing was sent, so the transaction is still usable.
 */
public class UnstorableValueException extends DataException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String column;
    private final String parameter;

    public UnstorableValueException(String message, @Nullable String column, String parameter, @Nullable String sql,
            String sqlState) {
        super(message, sql, List.of(), sqlState, 0, null);
        this.column = column;
        this.parameter = parameter;
    }

    /** The column the value was meant for, when the parameter names one ({@code stock} for {@code :stock_1}). */
    public @Nullable String column() {
        return column;
    }

    /** The statement's parameter key ({@code stock_1}). */
    public String parameter() {
        return parameter;
    }
}
