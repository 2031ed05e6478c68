package io.mapper.orm;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.mapper.engine.Connection;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.MapperException;

/**
 * Runs a whole unit of work in its own session and transaction, and runs it again from the start, in a new session,
 * when it fails with a transient error ({@link MapperException#isTransient()}: a lost connection, a deadlock, a
 * serialization failure, a lock or pool timeout). Anything else fails at once, and so does the last attempt.
 * Made by {@link SessionFactory#retrying(int)}; immutable and thread-safe.
 *
 * <pre>{@code
 * OrderView placed = sessions.retrying(5).inTransaction(session -> {
 *     Product product = session.get(Product.class, productId);   // every attempt reads afresh
 *     product.setStock(product.getStock() - 1);
 *     return view(product);
 * });                                                            // committed when the function returns
 * }</pre>
 *
 * <p>The work must be repeatable: it is called once per attempt, so it must not have effects outside the database
 * (sending mail, charging a card) before its transaction commits, and it must read everything it decides on inside
 * the transaction. A unit of work that would join a transaction managed elsewhere (Spring's {@code @Transactional})
 * is not retried, since only part of that transaction would run again: put the retry around the outermost
 * transaction instead (docs/spring.md, "Transient errors and retrying").
 */
public final class RetryingSessions {

    private final SessionFactory factory;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Predicate<? super RuntimeException> retryOn;

    RetryingSessions(SessionFactory factory, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
            Predicate<? super RuntimeException> retryOn) {
        if (maxAttempts < 1) {
            throw new ArgumentException("retrying(" + maxAttempts + "): the number of attempts must be at least 1.");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ArgumentException("backoff(" + initialBackoff + ", " + maxBackoff + "): the delays must not be "
                    + "negative, and the maximum not below the initial one.");
        }
        this.factory = factory;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.retryOn = retryOn;
    }

    /**
     * The same policy with an exponential, jittered back-off between attempts: a random delay up to
     * {@code initial}, doubling per attempt up to {@code max}. The default is 10 ms up to 1 s.
     */
    public RetryingSessions backoff(Duration initial, Duration max) {
        return new RetryingSessions(factory, maxAttempts, Objects.requireNonNull(initial, "initial"),
                Objects.requireNonNull(max, "max"), retryOn);
    }

    /**
     * The same policy that also retries failures {@code extra} accepts, for example {@code StaleDataException} when
     * the work reads the versioned rows itself. Transient failures are always retried.
     */
    public RetryingSessions alsoRetryOn(Predicate<? super RuntimeException> extra) {
        Objects.requireNonNull(extra, "extra must not be null");
        Predicate<? super RuntimeException> current = retryOn;
        return new RetryingSessions(factory, maxAttempts, initialBackoff, maxBackoff,
                failure -> current.test(failure) || extra.test(failure));
    }

    /** Runs {@code work} in a new session, commits, and returns its result; retried as the class describes. */
    public <T> T inTransaction(Function<? super Session, ? extends T> work) {
        Objects.requireNonNull(work, "work must not be null");
        for (int attempt = 1; ; attempt++) {
            try (Session session = factory.open()) {
                T result = work.apply(session);
                session.commit();
                return result;
            } catch (RuntimeException failure) {
                if (attempt >= maxAttempts || !retryOn.test(failure)) {
                    throw failure;
                }
                if (joinsOuterTransaction()) {
                    throw new InvalidRequestException("A transient failure was not retried: the unit of work ran "
                            + "inside a transaction managed outside mapper (Spring's @Transactional), and repeating "
                            + "only this part of it would be wrong. Retry around the outermost transaction instead "
                            + "(Spring: @Retryable on a method that is not itself @Transactional).", failure);
                }
                sleep(attempt, failure);
            }
        }
    }

    /** Runs {@code work} in a new session and commits; retried as the class describes. */
    public void inTransaction(Consumer<? super Session> work) {
        Objects.requireNonNull(work, "work must not be null");
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    /** The number of attempts, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    private boolean joinsOuterTransaction() {
        // Asked only after a failure, so that a successful unit of work costs nothing extra.
        try (Connection connection = factory.engine().connect()) {
            return connection.isExternallyManaged();
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    private void sleep(int attempt, RuntimeException failure) {
        long ceiling = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() << Math.min(attempt - 1, 20));
        long nanos = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }
}
