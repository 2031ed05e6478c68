package io.mapper.spring.boot.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.jdbc.support.JdbcTransactionManager;

import io.mapper.spring.boot.RollbackFailureTranslator;

/**
 * Installs mapper's {@link RollbackFailureTranslator} on Boot's {@code JdbcTransactionManager}, so that a rollback
 * failing on a connection that mapper saw break reports the original, transient failure.
 */
final class RollbackFailureCustomizer implements TransactionManagerCustomizer<JdbcTransactionManager> {

    private final DataSource dataSource;

    RollbackFailureCustomizer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(JdbcTransactionManager transactionManager) {
        transactionManager.setExceptionTranslator(
                new RollbackFailureTranslator(dataSource, transactionManager.getExceptionTranslator()));
    }
}
