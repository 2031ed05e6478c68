package io.mapper.spring.boot;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.mapper.exception.DatabaseException;

/**
 * Remembers, for the current Spring transaction, the error with which mapper saw the transaction's connection break,
 * until the transaction completes. The transaction manager's rollback on that dead connection fails too; the
 * {@link RollbackFailureTranslator} then reports the remembered error instead of losing it.
 */
final class LostConnections {

    private record Key(DataSource dataSource) {
    }

    private LostConnections() {
    }

    /** Records {@code failure} for the current transaction on {@code dataSource}; the first one recorded wins. */
    static void record(DataSource dataSource, DatabaseException failure) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Key key = new Key(dataSource);
        if (TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(key, failure);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }

    /** The failure recorded for the current transaction on {@code dataSource}, or null. */
    static @Nullable DatabaseException current(DataSource dataSource) {
        return TransactionSynchronizationManager.getResource(new Key(dataSource)) instanceof DatabaseException failure
                ? failure : null;
    }
}
