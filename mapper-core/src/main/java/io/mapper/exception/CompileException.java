package io.mapper.exception;

import org.jspecify.annotations.Nullable;

/** A statement cannot be rendered as SQL for the target dialect. */
public class CompileException extends MapperException {

    private static final long serialVersionUID = 1L;

    public CompileException(String message) {
        super(message);
    }

    public CompileException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
