package io.mapper.spring.boot;

import java.lang.reflect.Method;
import java.sql.SQLTransientException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.mapper.exception.MapperException;

/**
 * Decides which failures of a transaction are worth repeating: mapper's transient errors
 * ({@link MapperException#isTransient()}: lost connection, deadlock, serialization failure, lock or pool timeout),
 * Spring's {@link TransientDataAccessException} family except optimistic-locking failures (a stale version the
 * client sent fails the same way again), a transaction that could not start because no connection was free, and
 * a rollback failure that replaced a transient error. Never while a transaction is still active on the thread:
 * repeating part of an outer transaction would be wrong.
 *
 * <p>For Spring's {@code @Retryable} on a method that is not itself {@code @Transactional} but calls one:
 * <pre>{@code
 * @Retryable(predicate = TransientFailures.class, maxRetries = 4, delay = 20, jitter = 10, multiplier = 2)
 * public OrderView place(OrderForm form) { return orders.placeOnce(form); }   // placeOnce is @Transactional
 * }</pre>
 * Thread-safe; Spring creates it with the no-argument constructor.
 */
public final class TransientFailures implements MethodRetryPredicate {

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return isTransient(failure) && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** Whether repeating the whole transaction that failed with {@code failure} may succeed. */
    public static boolean isTransient(@Nullable Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (MapperException.isTransient(current)) {
                return true;
            }
            if (current instanceof OptimisticLockingFailureException) {
                return false;
            }
            if (current instanceof TransientDataAccessException) {
                return true;
            }
            if (current instanceof CannotCreateTransactionException && current.getCause() instanceof SQLTransientException) {
                return true;   // the pool had no free connection in time (HikariCP's SQLTransientConnectionException)
            }
            if (current instanceof TransactionSystemException system && system.getApplicationException() != null) {
                return isTransient(system.getApplicationException());
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }
}
