package io.mapper.dialect.postgresql;

import java.sql.SQLException;
import java.util.Optional;

import io.mapper.dialect.ErrorCategory;
import io.mapper.dialect.ErrorTranslator;

/** PostgreSQL's SQLStates are reliable; only 55P03 ({@code lock_not_available}) needs a finer category than its class. */
final class PostgresErrorTranslator extends ErrorTranslator {

    @Override
    protected Optional<ErrorCategory> categorizeVendor(SQLException exception) {
        // FOR UPDATE NOWAIT on a locked row, or lock_timeout passed.
        return "55P03".equals(exception.getSQLState()) ? Optional.of(ErrorCategory.LOCK_NOT_AVAILABLE)
                : Optional.empty();
    }
}
