package io.mapper.demo.service;

/** A resource the request names does not exist: answered with 404. */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " does not exist.");
    }
}
