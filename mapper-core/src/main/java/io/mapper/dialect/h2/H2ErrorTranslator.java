package io.mapper.dialect.h2;

import java.sql.SQLException;
import java.util.Optional;

import io.mapper.dialect.ErrorCategory;
import io.mapper.dialect.ErrorTranslator;
import io.mapper.exception.TransientException.Reason;

/** Classifies H2's own error codes, which H2 also reports as SQLStates of its private class 90. */
final class H2ErrorTranslator extends ErrorTranslator {

    @Override
    protected Optional<ErrorCategory> categorizeVendor(SQLException exception) {
        return switch (exception.getErrorCode()) {
            // object closed, connection broken, database closed, database is in exclusive mode
            case 90007, 90067, 90098, 90121, 90135 -> Optional.of(ErrorCategory.OPERATIONAL);
            // lock timeout (also NOWAIT)
            case 50200 -> Optional.of(ErrorCategory.LOCK_NOT_AVAILABLE);
            // deadlock, concurrent update
            case 40001, 90131 -> Optional.of(ErrorCategory.OPERATIONAL);
            // table or view not found, column not found, function not found, schema not found
            case 42102, 42104, 42122, 90022, 90079 -> Optional.of(ErrorCategory.PROGRAMMING);
            default -> Optional.empty();
        };
    }

    @Override
    protected Optional<Reason> transientReason(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 40001 -> Optional.of(Reason.DEADLOCK);                 // DEADLOCK_1
            case 50200 -> Optional.of(Reason.LOCK_TIMEOUT);             // LOCK_TIMEOUT_1
            case 90131 -> Optional.of(Reason.SERIALIZATION_FAILURE);    // CONCURRENT_UPDATE_1
            case 90067, 90098, 90121 -> Optional.of(Reason.CONNECTION_LOST);
            // an object closed by the application is its own doing, not a passing condition
            case 90007 -> Optional.empty();
            default -> super.transientReason(exception);
        };
    }

    @Override
    protected Optional<Boolean> isVendorDisconnect(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 90007, 90067, 90098, 90121 -> Optional.of(true);
            default -> Optional.empty();
        };
    }
}
