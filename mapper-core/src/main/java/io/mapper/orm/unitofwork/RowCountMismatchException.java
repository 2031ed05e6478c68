package io.mapper.orm.unitofwork;

import io.mapper.exception.InvalidRequestException;

/**
 * An UPDATE or DELETE of the flush matched fewer rows than expected. The session reports it to the user as
 * {@code io.mapper.orm.StaleDataException}, the public type; this one keeps the unit of work free of the session's
 * package.
 */
public final class RowCountMismatchException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    RowCountMismatchException(String message) {
        super(message);
    }
}
