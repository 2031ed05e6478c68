package io.mapper.exception;

/** At most one row was required and the result had more. */
public class MultipleResultsException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public MultipleResultsException(String message) {
        super(message);
    }
}
