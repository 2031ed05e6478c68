package io.mapper.demo.service;

/** A request parameter the bean validation cannot check (a sort key, a value range): answered with 400. */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request parameter or body field at fault. */
    public String field() {
        return field;
    }
}
