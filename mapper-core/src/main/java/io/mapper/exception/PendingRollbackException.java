package io.mapper.exception;

import org.jspecify.annotations.Nullable;

/** A previous failure invalidated the transaction; nothing more runs until {@code rollback()} is called. */
public class PendingRollbackException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public PendingRollbackException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
