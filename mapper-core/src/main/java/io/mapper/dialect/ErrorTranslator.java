package io.mapper.dialect;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.DataException;
import io.mapper.exception.DatabaseException;
import io.mapper.exception.IntegrityException;
import io.mapper.exception.LockNotAvailableException;
import io.mapper.exception.NotSupportedException;
import io.mapper.exception.OperationalException;
import io.mapper.exception.ProgrammingException;
import io.mapper.exception.SqlStateClass;
import io.mapper.exception.TransientException;
import io.mapper.exception.TransientException.Reason;

/**
 * Turns a {@link SQLException} into mapper's {@link DatabaseException} hierarchy: vendor code first (a dialect's
 * {@link #categorizeVendor}), then the JDBC exception subclass, then the SQLState class. Thread-safe.
 *
 * <p>Messages name what failed and what to do next, and carry the SQL. Bound values appear only when asked for;
 * otherwise they are also masked where the driver's own message repeats them (MariaDB and H2 do).
 */
public class ErrorTranslator {

    private static final int MAX_SQL_IN_MESSAGE = 2000;
    private static final int MIN_MASKED_LENGTH = 3;

    /** Translates one failure of the statement {@code sql}, executed with {@code parameters}. */
    public DatabaseException translate(SQLException exception, @Nullable String sql,
            List<@Nullable Object> parameters, boolean showParameters) {
        SQLException detail = mostSpecific(exception);
        ErrorCategory category = categorize(detail);
        Optional<Reason> transientReason = category == ErrorCategory.OPERATIONAL || category == ErrorCategory.OTHER
                ? transientReason(detail) : Optional.empty();
        String advice = transientReason.map(ErrorTranslator::transientAdvice).orElseGet(() -> advice(category));
        String message = message(advice, detail, sql, parameters, showParameters);
        List<@Nullable Object> carried = showParameters ? parameters : List.of();
        String state = detail.getSQLState();
        int code = detail.getErrorCode();
        if (transientReason.isPresent()) {
            return new TransientException(transientReason.get(), message, sql, carried, state, code, exception);
        }
        return switch (category) {
            case INTEGRITY -> new IntegrityException(message, sql, carried, state, code, exception);
            case DATA -> new DataException(message, sql, carried, state, code, exception);
            case OPERATIONAL -> new OperationalException(message, sql, carried, state, code, exception);
            case LOCK_NOT_AVAILABLE -> new LockNotAvailableException(message, sql, carried, state, code, exception);
            case PROGRAMMING -> new ProgrammingException(message, sql, carried, state, code, exception);
            case NOT_SUPPORTED -> new NotSupportedException(message, sql, carried, state, code, exception);
            case OTHER -> new DatabaseException(message, sql, carried, state, code, exception);
        };
    }

    /** The category of a failure: vendor code, then JDBC subclass, then SQLState class. */
    public ErrorCategory categorize(SQLException exception) {
        Optional<ErrorCategory> vendor = categorizeVendor(exception);
        if (vendor.isPresent()) {
            return vendor.get();
        }
        if (exception instanceof SQLIntegrityConstraintViolationException) {
            return ErrorCategory.INTEGRITY;
        }
        if (exception instanceof SQLSyntaxErrorException) {
            return ErrorCategory.PROGRAMMING;
        }
        if (exception instanceof SQLDataException) {
            return ErrorCategory.DATA;
        }
        if (exception instanceof SQLFeatureNotSupportedException) {
            return ErrorCategory.NOT_SUPPORTED;
        }
        if (exception instanceof SQLTransientConnectionException || exception instanceof SQLNonTransientConnectionException
                || exception instanceof SQLRecoverableException || exception instanceof SQLTimeoutException
                || exception instanceof SQLTransactionRollbackException
                || exception instanceof SQLInvalidAuthorizationSpecException) {
            return ErrorCategory.OPERATIONAL;
        }
        return switch (SqlStateClass.of(exception.getSQLState())) {
            case INTEGRITY_CONSTRAINT -> ErrorCategory.INTEGRITY;
            case DATA -> ErrorCategory.DATA;
            case SYNTAX_OR_ACCESS -> ErrorCategory.PROGRAMMING;
            case FEATURE_NOT_SUPPORTED -> ErrorCategory.NOT_SUPPORTED;
            case CONNECTION, TRANSACTION_ROLLBACK, INSUFFICIENT_RESOURCES, OPERATOR_INTERVENTION, SYSTEM_ERROR ->
                    ErrorCategory.OPERATIONAL;
            default -> ErrorCategory.OTHER;
        };
    }

    /**
     * Whether the failure means the connection itself is gone (dropped, killed, closed underneath), so that the
     * pool must discard it instead of handing it out again. Vendor rules first, then connection SQLStates.
     */
    public boolean isDisconnect(SQLException exception) {
        SQLException detail = mostSpecific(exception);
        Optional<Boolean> vendor = isVendorDisconnect(detail);
        if (vendor.isPresent()) {
            return vendor.get();
        }
        if (detail instanceof SQLNonTransientConnectionException || detail instanceof SQLRecoverableException) {
            return true;
        }
        String state = detail.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /**
     * Why a failure is transient (the same transaction, repeated from its start, may succeed), or empty when it is
     * not: SQLState 40001 (serialization failure), 40P01 (deadlock), 55P03 (lock not available), 53300 (too many
     * connections), 57P01-57P03 (server shutting down or starting), connection states 08 (except PostgreSQL's
     * protocol violation 08P01), and the JDBC transient and recoverable connection exceptions. A dialect overrides
     * this for its vendor codes and calls {@code super} for the rest.
     */
    protected Optional<Reason> transientReason(SQLException exception) {
        String state = exception.getSQLState();
        if (state != null) {
            switch (state.toUpperCase(java.util.Locale.ROOT)) {
                case "40001": return Optional.of(Reason.SERIALIZATION_FAILURE);
                case "40P01": return Optional.of(Reason.DEADLOCK);
                case "55P03": return Optional.of(Reason.LOCK_TIMEOUT);
                case "53300", "57P03": return Optional.of(Reason.DATABASE_UNAVAILABLE);
                case "57P01", "57P02": return Optional.of(Reason.CONNECTION_LOST);
                case "08P01": return Optional.empty();
                default:
                    if (state.startsWith("08")) {
                        return Optional.of(Reason.CONNECTION_LOST);
                    }
            }
        }
        if (exception instanceof SQLTransientConnectionException || exception instanceof SQLRecoverableException
                || exception instanceof SQLNonTransientConnectionException) {
            return Optional.of(Reason.CONNECTION_LOST);
        }
        return Optional.empty();
    }

    private static String transientAdvice(Reason reason) {
        String what = switch (reason) {
            case CONNECTION_LOST -> "The connection to the database was lost";
            case DEADLOCK -> "The database chose this transaction as a deadlock victim";
            case SERIALIZATION_FAILURE -> "The transaction conflicted with a concurrent one (serialization failure)";
            case LOCK_TIMEOUT -> "A lock was not granted in time";
            case POOL_TIMEOUT -> "No pooled connection became free in time";
            case DATABASE_UNAVAILABLE -> "The database refuses new work for now";
        };
        return what + "; nothing of the transaction was committed. This is transient (" + reason + "): Roll back "
                + "and retry the whole transaction from its start (SessionFactory.retrying(...), or Spring's "
                + "@Retryable around the @Transactional method). If it keeps failing, check the database's health.";
    }

    /** A dialect's own rule for recognising a lost connection, or empty to use the standard rules. */
    protected Optional<Boolean> isVendorDisconnect(SQLException exception) {
        return Optional.empty();
    }

    /**
     * The category implied by the driver's vendor code, for databases whose SQLStates are missing or too coarse.
     * The default knows no vendor codes.
     */
    protected Optional<ErrorCategory> categorizeVendor(SQLException exception) {
        return Optional.empty();
    }

    /** What the user should do about an error of this category; one sentence or two. */
    protected String advice(ErrorCategory category) {
        return switch (category) {
            case INTEGRITY -> "The row conflicts with a constraint (unique, primary key, foreign key, not-null or "
                    + "check). Check the values against the table's constraints; for a duplicate, update the "
                    + "existing row or use an upsert.";
            case DATA -> "A value does not fit its column (too long, out of range or in the wrong format). Check "
                    + "the values against the column definitions.";
            case OPERATIONAL -> "The connection or the transaction failed for a reason outside this statement "
                    + "(connection lost, deadlock, lock or statement timeout, serialization failure). Roll back and "
                    + "retry the transaction; if it keeps failing, check that the database is reachable and healthy.";
            case LOCK_NOT_AVAILABLE -> "Another transaction holds a lock on the row (a NOWAIT lock fails at once; "
                    + "otherwise the lock wait timed out). Roll back (or to a savepoint) and retry later, or lock with "
                    + "skipLocked() to pass over locked rows.";
            case PROGRAMMING -> "The SQL is not valid for this database: check the syntax, the table and column "
                    + "names, and that the schema has been created.";
            case NOT_SUPPORTED -> "The database or its driver does not support this feature.";
            case OTHER -> "See the cause for the driver's details.";
        };
    }

    private String message(String advice, SQLException detail, @Nullable String sql,
            List<@Nullable Object> parameters, boolean showParameters) {
        String driverMessage = String.valueOf(detail.getMessage()).strip();
        if (!showParameters) {
            driverMessage = mask(driverMessage, parameters);
        }
        StringBuilder message = new StringBuilder(driverMessage.length() + 256).append(driverMessage);
        if (detail.getSQLState() != null) {
            message.append(" (SQLState ").append(detail.getSQLState()).append(", vendor code ")
                    .append(detail.getErrorCode()).append(')');
        }
        message.append("\n").append(advice);
        if (sql != null) {
            String shown = sql.length() > MAX_SQL_IN_MESSAGE ? sql.substring(0, MAX_SQL_IN_MESSAGE) + " ..." : sql;
            message.append("\n[SQL: ").append(shown).append(']');
            if (!parameters.isEmpty()) {
                if (showParameters) {
                    message.append("\n[parameters: ").append(parameters).append(']');
                } else {
                    message.append("\n[").append(parameters.size())
                            .append(parameters.size() == 1 ? " parameter" : " parameters")
                            .append(" hidden; build the engine with logParameters(true) to include them]");
                }
            }
        }
        return message.toString();
    }

    private static String mask(String text, List<@Nullable Object> parameters) {
        String masked = text;
        for (Object parameter : parameters) {
            if (parameter == null) {
                continue;
            }
            String value = parameter.toString();
            if (value.length() >= MIN_MASKED_LENGTH) {
                masked = masked.replace(value, "[hidden]");
            }
        }
        return masked;
    }

    /** Drivers report batch failures as a wrapper whose next exception carries the real SQLState. */
    private static SQLException mostSpecific(SQLException exception) {
        SQLException current = exception;
        for (int depth = 0; depth < 10; depth++) {
            boolean vague = current instanceof BatchUpdateException || current.getSQLState() == null;
            SQLException next = current.getNextException();
            if (next == null && current.getCause() instanceof SQLException cause) {
                next = cause;
            }
            if (!vague || next == null || next == current) {
                return current;
            }
            current = next;
        }
        return current;
    }
}
