package io.mapper.dialect.sqlite;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import io.mapper.dialect.ErrorCategory;
import io.mapper.dialect.ErrorTranslator;
import io.mapper.exception.TransientException.Reason;

/** Classifies SQLite errors by their primary result code, since the driver reports no SQLState. */
final class SqliteErrorTranslator extends ErrorTranslator {

    @Override
    protected Optional<ErrorCategory> categorizeVendor(SQLException exception) {
        // The driver reports the primary result code (the low byte of the extended code).
        int code = exception.getErrorCode() & 0xff;
        return switch (code) {
            case 19 -> Optional.of(ErrorCategory.INTEGRITY);             // SQLITE_CONSTRAINT
            case 18, 20, 25 -> Optional.of(ErrorCategory.DATA);           // TOOBIG, MISMATCH, RANGE
            case 1 -> Optional.of(ErrorCategory.PROGRAMMING);             // SQLITE_ERROR: syntax, no such table
            case 5, 6, 7, 9, 10, 11, 13, 14, 15, 26 -> Optional.of(ErrorCategory.OPERATIONAL);
            // BUSY, LOCKED, NOMEM, INTERRUPT, IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB
            case 0 -> closedConnection(exception);
            default -> Optional.empty();
        };
    }

    @Override
    protected Optional<Reason> transientReason(SQLException exception) {
        return switch (exception.getErrorCode() & 0xff) {
            // SQLITE_BUSY (after the busy timeout), SQLITE_LOCKED: another connection holds the database's lock
            case 5, 6 -> Optional.of(Reason.LOCK_TIMEOUT);
            // A closed connection comes with no code; closing is the application's doing on an embedded database.
            default -> Optional.empty();
        };
    }

    @Override
    protected Optional<Boolean> isVendorDisconnect(SQLException exception) {
        return Optional.of((exception.getErrorCode() & 0xff) == 0 && closedConnection(exception).isPresent());
    }

    private static Optional<ErrorCategory> closedConnection(SQLException exception) {
        // A closed or broken connection comes with neither SQLState nor result code, only this message.
        String message = String.valueOf(exception.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("closed") ? Optional.of(ErrorCategory.OPERATIONAL) : Optional.empty();
    }
}
