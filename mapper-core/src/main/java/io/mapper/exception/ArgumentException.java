package io.mapper.exception;

import org.jspecify.annotations.Nullable;

/** Bad construction or bad arguments: a duplicate column, an unknown parameter name, a null where none is allowed. */
public class ArgumentException extends MapperException {

    private static final long serialVersionUID = 1L;

    public ArgumentException(String message) {
        super(message);
    }

    public ArgumentException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
