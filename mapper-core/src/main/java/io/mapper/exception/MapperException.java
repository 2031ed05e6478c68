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
}
