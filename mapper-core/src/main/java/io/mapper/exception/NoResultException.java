package io.mapper.exception;

/** Exactly one row was required and the result had none. */
public class NoResultException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public NoResultException(String message) {
        super(message);
    }
}
