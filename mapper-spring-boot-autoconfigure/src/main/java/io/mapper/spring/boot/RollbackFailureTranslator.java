package io.mapper.spring.boot;

import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import io.mapper.exception.DatabaseException;

/**
 * The exception translator mapper installs on Spring's {@code JdbcTransactionManager} so that a failed rollback on a
 * dead connection does not hide why the transaction failed.
 *
 * <p>When a statement fails because the connection broke, Spring rolls the transaction back, the rollback fails on
 * the same dead connection, and Spring throws the rollback's error in place of the original (logging the original as
 * "Application exception overridden by rollback exception"). A connection that is gone has nothing left to roll back:
 * the database discarded the transaction when the connection ended. So this translator answers a rollback that failed
 * on a lost connection with a {@link TransientDataAccessResourceException} whose cause is the error mapper saw (a
 * {@code TransientException}), with the rollback's own error suppressed. Every other failure goes to the
 * translator it wraps. Commit failures are never changed: whether a commit on a broken connection took effect is
 * unknown. Thread-safe.
 */
public final class RollbackFailureTranslator implements SQLExceptionTranslator {

    private static final String ROLLBACK_TASK = "JDBC rollback";

    private final DataSource dataSource;
    private final SQLExceptionTranslator delegate;

    public RollbackFailureTranslator(DataSource dataSource, SQLExceptionTranslator delegate) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
    }

    @Override
    public @Nullable DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        if (ROLLBACK_TASK.equals(task)) {
            DatabaseException lost = LostConnections.current(dataSource);
            if (lost != null || isConnectionGone(ex)) {
                String message = "The transaction failed because its connection was lost"
                        + (lost == null ? "" : " (" + firstLine(lost.getMessage()) + ")")
                        + "; the rollback could not reach the database either, which discarded the transaction when "
                        + "the connection ended. Nothing of it was committed: retry the whole transaction.";
                DataAccessException translated = lost == null || lost.isTransient()
                        ? new TransientDataAccessResourceException(message, lost == null ? ex : lost)
                        : new DataAccessResourceFailureException(message, lost);
                if (lost != null) {
                    translated.addSuppressed(ex);
                }
                return translated;
            }
        }
        return delegate.translate(task, sql, ex);
    }

    private static boolean isConnectionGone(SQLException ex) {
        String state = ex.getSQLState();
        return state != null && state.startsWith("08");
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
