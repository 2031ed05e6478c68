package io.mapper.demo.service;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.mapper.demo.DemoProperties;

/**
 * Where write transactions queue when the database has a single writer. With {@code demo.orders.serialize-writes}
 * (the SQLite profile) every write transaction of the demo takes one fair lock in the JVM first: SQLite lets one
 * connection write at a time, and two transactions that both read before writing cannot both upgrade (one fails at
 * once with {@code SQLITE_BUSY}), so queueing here is cheaper and fairer than failing and retrying. On PostgreSQL and
 * MariaDB it does nothing: row locks and versions do the work there.
 */
@Component
public class WriteGate {

    private final @Nullable ReentrantLock writer;

    public WriteGate(DemoProperties properties) {
        this.writer = properties.orders().serializeWrites() ? new ReentrantLock(true) : null;
    }

    /** Runs one write transaction, after the writers before it when writes are serialized. */
    public <T> T write(Supplier<T> transaction) {
        if (writer == null) {
            return transaction.get();
        }
        writer.lock();
        try {
            return transaction.get();
        } finally {
            writer.unlock();
        }
    }

    /** Runs one write transaction without a result. */
    public void write(Runnable transaction) {
        write(() -> {
            transaction.run();
            return null;
        });
    }
}
