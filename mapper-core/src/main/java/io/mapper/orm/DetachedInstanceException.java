package io.mapper.orm;

/** An object needs its session (to load a relationship, to refresh) but is detached from it. */
public class DetachedInstanceException extends io.mapper.exception.InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public DetachedInstanceException(String message) {
        super(message);
    }
}
