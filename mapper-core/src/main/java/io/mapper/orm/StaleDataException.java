package io.mapper.orm;

/**
 * An UPDATE or DELETE matched fewer rows than expected: another transaction changed or deleted the row (a lost
 * update caught by {@code @Version}), or the row is gone.
 */
public class StaleDataException extends io.mapper.exception.InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public StaleDataException(String message) {
        super(message);
    }

    public StaleDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
