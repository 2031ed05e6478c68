package io.mapper.exception;

import org.jspecify.annotations.Nullable;

/** An operation was requested in a state that does not allow it: a closed resource, a missing row, a pending rollback. */
public class InvalidRequestException extends MapperException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
