package io.mapper.exception;

import org.jspecify.annotations.Nullable;

/** Root of every exception mapper throws; all are unchecked. */
public class MapperException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MapperException(String message) {
        super(message);
    }

    public MapperException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether repeating the whole unit of work in a new transaction may succeed: true for a {@link TransientException}
     * (lost connection, deadlock, serialization failure, lock or pool timeout) and for any mapper exception caused by
     * one; false for everything else, which fails the same way when repeated.
     */
    public boolean isTransient() {
        return getCause() instanceof MapperException cause && cause != this && cause.isTransient();
    }

    /**
     * Whether {@code failure} or anything it wraps (its causes, and exceptions suppressed on the way, as Spring's
     * translation attaches mapper's) is a transient mapper exception. For code that sees mapper's exceptions through
     * other layers.
     */
    public static boolean isTransient(@Nullable Throwable failure) {
        return findTransient(failure, 0);
    }

    private static boolean findTransient(@Nullable Throwable failure, int depth) {
        if (failure == null || depth > 10) {
            return false;
        }
        if (failure instanceof MapperException mapper && mapper.isTransient()) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (findTransient(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && findTransient(failure.getCause(), depth + 1);
    }
}
