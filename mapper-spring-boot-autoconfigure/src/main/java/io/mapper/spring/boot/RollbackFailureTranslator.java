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
 * on a connection mapper saw break with a {@link TransientDataAccessResourceException} whose cause is the error mapper
 * saw (a {@code TransientException}), with the rollback's own error suppressed. A rollback that fails on a dead
 * connection mapper did not see break (Spring's own COMMIT may have lost it, and then whether it committed is
 * unknown) becomes a non-transient {@link DataAccessResourceFailureException} instead of an opaque
 * {@code TransactionSystemException}. Every other failure goes to the translator it wraps. Commit failures are never
 * changed. Thread-safe.
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
            if (lost != null) {
                // Mapper saw a statement of this transaction fail because the connection broke: nothing after it,
                // the COMMIT included, reached the database.
                String message = "The transaction failed because its connection was lost (" + firstLine(
                        lost.getMessage()) + "); the rollback could not reach the database either, which discarded "
                        + "the transaction when the connection ended. Nothing of it was committed: retry the whole "
                        + "transaction.";
                DataAccessException translated = lost.isTransient()
                        ? new TransientDataAccessResourceException(message, lost)
                        : new DataAccessResourceFailureException(message, lost);
                translated.addSuppressed(ex);
                return translated;
            }
            if (isConnectionGone(ex)) {
                // Mapper saw nothing break, so the connection may have died during Spring's own COMMIT (which
                // Spring follows with this rollback): the outcome is unknown, and repeating the work could apply it
                // twice. Not transient, but not an opaque TransactionSystemException either.
                return new DataAccessResourceFailureException("The connection was lost and the transaction could "
                        + "not be rolled back. If this followed a failed commit, whether the transaction was committed "
                        + "is unknown: check the data before repeating the work.", ex);
            }
        }
        return delegate.translate(task, sql, ex);
    }

    private static boolean isConnectionGone(SQLException ex) {
        String state = ex.getSQLState();
        String message = String.valueOf(ex.getMessage()).toLowerCase(java.util.Locale.ROOT);
        // Pools and drivers report a dead connection as 08xxx, as a connection exception class, or (HikariCP and
        // MariaDB's "Connection is closed") only in words.
        return (state != null && state.startsWith("08")) || ex instanceof java.sql.SQLNonTransientConnectionException
                || ex instanceof java.sql.SQLRecoverableException || message.contains("connection is closed")
                || message.contains("connection has been closed");
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
