package io.mapper.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A row lock could not be taken: a {@code NOWAIT} lock found the row held by another transaction, or waiting for it
 * passed the database's lock timeout (PostgreSQL's SQLState 55P03 {@code lock_not_available}, MySQL and MariaDB
 * error 1205 or 3572, H2's 50200). The transaction is still usable on PostgreSQL only after a rollback (to a
 * savepoint); retry later, or use {@code SKIP LOCKED} to pass over locked rows. It is transient (reason
 * {@link TransientException.Reason#LOCK_TIMEOUT}), so retry helpers and Spring's translation treat it as such.
 */
public class LockNotAvailableException extends TransientException {

    private static final long serialVersionUID = 1L;

    public LockNotAvailableException(String message, @Nullable String sql, List<@Nullable Object> parameters,
            @Nullable String sqlState, int vendorCode, @Nullable Throwable cause) {
        super(Reason.LOCK_TIMEOUT, message, sql, parameters, sqlState, vendorCode, cause);
    }
}
