package io.mapper.orm;

import org.jspecify.annotations.Nullable;

/** A flush failed; the transaction was rolled back and the session must be rolled back before further use. */
public class FlushException extends io.mapper.exception.InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public FlushException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
