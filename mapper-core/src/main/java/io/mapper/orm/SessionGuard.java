package io.mapper.orm;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.ResourceClosedException;

/**
 * Guards every call into a session: the session is open, no other thread is inside it (a session is not
 * thread-safe, and concurrent use is reported rather than left to corrupt it), and calls may nest on one thread.
 * Package-private; owned by one {@link DefaultSession}.
 */
final class SessionGuard {

    private final AtomicReference<@Nullable Thread> activeThread = new AtomicReference<>();
    private final Runnable failureCheck;
    private int depth;
    private boolean closed;

    /** A guard that runs {@code failureCheck} (it raises while a failed flush waits for its rollback) on entry. */
    SessionGuard(Runnable failureCheck) {
        this.failureCheck = failureCheck;
    }

    /** Runs {@code work} inside the session: open, this thread only, and, with {@code checkFailure}, no failed flush. */
    <T> T call(java.util.function.Supplier<T> work, boolean checkFailure) {
        checkOpen();
        enterThread();
        try {
            if (checkFailure) {
                failureCheck.run();
            }
            return work.get();
        } finally {
            exit();
        }
    }

    /** {@link #call(java.util.function.Supplier, boolean)} for work without a result. */
    void call(Runnable work, boolean checkFailure) {
        call(() -> {
            work.run();
            return null;
        }, checkFailure);
    }

    /** Raises if the session is closed. */
    void checkOpen() {
        if (closed) {
            throw new ResourceClosedException("This Session is closed. Open a new one with "
                    + "sessionFactory.open(), and keep the work inside its try-with-resources block.");
        }
    }

    /** Enters the session on this thread; raises if another thread is inside it. Pair with {@link #exit()}. */
    void enterThread() {
        Thread current = Thread.currentThread();
        Thread holder = activeThread.get();
        if (holder == current) {
            depth++;
            return;
        }
        if (activeThread.compareAndSet(null, current)) {
            depth = 1;
        } else {
            Thread other = activeThread.get();
            throw new InvalidRequestException("This Session is in use by thread '"
                    + (other == null ? "?" : other.getName()) + "' while thread '" + current.getName()
                    + "' tries to use it. A Session is not thread-safe: open one per thread with "
                    + "sessionFactory.open().");
        }
    }

    /** Leaves the session; the outermost exit frees it for another thread. */
    void exit() {
        if (activeThread.get() == Thread.currentThread() && --depth == 0) {
            activeThread.set(null);
        }
    }

    /** Marks the session closed. */
    void close() {
        closed = true;
    }

    /** Whether the session is closed. */
    boolean isClosed() {
        return closed;
    }
}
