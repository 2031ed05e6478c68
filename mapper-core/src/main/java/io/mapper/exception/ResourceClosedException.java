package io.mapper.exception;

/** A connection, transaction, result or session was used after it was closed; the message names which one. */
public class ResourceClosedException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public ResourceClosedException(String message) {
        super(message);
    }
}
