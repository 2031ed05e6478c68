package io.mapper.dialect.mysql;

import java.sql.SQLException;
import java.util.Optional;

import io.mapper.dialect.ErrorCategory;
import io.mapper.dialect.ErrorTranslator;
import io.mapper.exception.TransientException.Reason;

/** Classifies MySQL and MariaDB errors by vendor code, which is finer than their SQLStates (many are HY000). */
final class MySqlErrorTranslator extends ErrorTranslator {

    @Override
    protected Optional<ErrorCategory> categorizeVendor(SQLException exception) {
        return switch (exception.getErrorCode()) {
            // duplicate key, FK parent/child, NOT NULL, no default, CHECK (MySQL, MariaDB)
            case 1062, 1451, 1452, 1048, 1364, 3819, 4025 -> Optional.of(ErrorCategory.INTEGRITY);
            // data too long, out of range, incorrect value, truncated value, division by zero
            case 1406, 1264, 1366, 1292, 1365 -> Optional.of(ErrorCategory.DATA);
            // syntax, unknown table, unknown column, unknown database, table exists, unknown table, access denied
            case 1064, 1146, 1054, 1049, 1050, 1051, 1142, 1044, 1045 -> Optional.of(ErrorCategory.PROGRAMMING);
            // lock wait timeout (also MariaDB's NOWAIT), MySQL 8's NOWAIT: transient, see LockNotAvailableException
            case 1205, 3572 -> Optional.of(ErrorCategory.LOCK_NOT_AVAILABLE);
            // deadlock, connection killed, gone away, lost connection, statement timeouts, too many connections
            case 1213, 1927, 2006, 2013, 1969, 3024, 1317, 1040 -> Optional.of(ErrorCategory.OPERATIONAL);
            default -> Optional.empty();
        };
    }

    @Override
    protected Optional<Reason> transientReason(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 1213 -> Optional.of(Reason.DEADLOCK);                  // ER_LOCK_DEADLOCK (SQLState 40001)
            case 1205 -> Optional.of(Reason.LOCK_TIMEOUT);              // ER_LOCK_WAIT_TIMEOUT
            case 1927, 2006, 2013 -> Optional.of(Reason.CONNECTION_LOST); // killed, gone away, lost connection
            case 1040 -> Optional.of(Reason.DATABASE_UNAVAILABLE);      // too many connections
            // statement timeouts and interrupted queries are the application's limit, not a passing condition
            case 1317, 1969, 3024 -> Optional.empty();
            default -> super.transientReason(exception);
        };
    }

    @Override
    protected Optional<Boolean> isVendorDisconnect(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 1927, 2006, 2013 -> Optional.of(true);   // connection killed, server gone away, lost connection
            default -> Optional.empty();
        };
    }
}
