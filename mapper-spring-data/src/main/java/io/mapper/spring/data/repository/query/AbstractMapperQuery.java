package io.mapper.spring.data.repository.query;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.mapper.orm.Session;

/**
 * What every mapper query method shares: it runs in the current transaction, or, when the caller has none, in a
 * transaction of its own (read-only unless the method modifies), as the CRUD methods do; its results are read
 * before that transaction ends.
 */
abstract class AbstractMapperQuery implements RepositoryQuery {

    private final MapperQueryMethod method;
    private final Session session;
    private final Supplier<PlatformTransactionManager> transactionManager;

    AbstractMapperQuery(MapperQueryMethod method, Session session,
            Supplier<PlatformTransactionManager> transactionManager) {
        this.method = Objects.requireNonNull(method, "method must not be null");
        this.session = Objects.requireNonNull(session, "session must not be null");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager must not be null");
    }

    @Override
    public final @Nullable Object execute(@Nullable Object[] parameters) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return doExecute(parameters);
        }
        TransactionTemplate transaction = new TransactionTemplate(transactionManager.get());
        transaction.setReadOnly(!writes());
        return transaction.execute(status -> doExecute(parameters));
    }

    /** Whether the method writes (a {@code @Modifying} or {@code deleteBy} method). */
    abstract boolean writes();

    /** Runs the query with the method's arguments, inside a transaction. */
    abstract @Nullable Object doExecute(@Nullable Object[] parameters);

    @Override
    public final MapperQueryMethod getQueryMethod() {
        return method;
    }

    final Session session() {
        return session;
    }

    /** The only element of {@code found}, or null; more than one raises. */
    static @Nullable Object single(List<?> found) {
        if (found.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(1, found.size());
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
