package io.mapper.demo.service;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import io.mapper.demo.DemoProperties;
import io.mapper.demo.service.Forms.OrderForm;
import io.mapper.demo.service.Views.OrderView;
import io.mapper.exception.OperationalException;
import io.mapper.orm.StaleDataException;

/**
 * Places orders so that concurrent orders never fail with a server error: an attempt that loses a race (a stale
 * product version, a deadlock, SQLite's "database is locked") is rolled back and retried with a short random
 * back-off, up to {@code demo.orders.max-attempts} times. Attempts pass the {@link WriteGate} (a fair lock in the JVM
 * on SQLite, which has one writer at a time).
 */
@Component
public class OrderPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(OrderPlacement.class);

    private final OrderService orders;
    private final int maxAttempts;
    private final WriteGate gate;

    public OrderPlacement(OrderService orders, DemoProperties properties, WriteGate gate) {
        this.orders = orders;
        this.maxAttempts = properties.orders().maxAttempts();
        this.gate = gate;
    }

    /** Places the order, retrying attempts that lost a race; a lost race on the last attempt is a 409. */
    public OrderView place(OrderForm form) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(form);
            } catch (RuntimeException e) {
                if (!isRace(e)) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    throw new ConflictException("Concurrent update", "The order lost " + attempt + " races for the "
                            + "same products against other orders. Try again.", Map.of("attempts", attempt));
                }
                LOG.debug("Order attempt {} lost a race ({}); retrying", attempt, e.getClass().getSimpleName());
                backOff(attempt);
            }
        }
    }

    /**
     * Cancels an order, repeating the cancel's transaction when it lost a race (on SQLite, where concurrent cancels
     * are not queued by a row lock); the repeated attempt then finds the order cancelled (409), so however many
     * identical cancels arrive at once, the stock is restored exactly once.
     */
    public OrderView cancel(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return serialized(() -> orders.cancel(id));
            } catch (RuntimeException e) {
                if (!isRace(e)) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    throw new ConflictException("Concurrent update", "The cancel lost " + attempt + " races "
                            + "against other changes of the same order or products. Try again.",
                            Map.of("attempts", attempt));
                }
                LOG.debug("Cancel attempt {} lost a race ({}); retrying", attempt, e.getClass().getSimpleName());
                backOff(attempt);
            }
        }
    }

    private OrderView attempt(OrderForm form) {
        return serialized(() -> orders.placeOnce(form));
    }

    private OrderView serialized(Supplier<OrderView> work) {
        return gate.write(work);
    }

    /** Whether the failure is another transaction's doing, so that the same request may succeed when repeated. */
    static boolean isRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleDataException || cause instanceof OperationalException
                    || cause instanceof ConcurrencyFailureException || cause instanceof TransientDataAccessException) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (suppressed instanceof StaleDataException || suppressed instanceof OperationalException) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an order", e);
        }
    }
}
