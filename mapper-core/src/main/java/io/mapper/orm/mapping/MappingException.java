package io.mapper.orm.mapping;

import io.mapper.exception.ArgumentException;

/** A mapped class cannot be mapped as declared; the message names the class, the property and the fix. */
public class MappingException extends ArgumentException {

    private static final long serialVersionUID = 1L;

    public MappingException(Class<?> entity, String problem, String fix) {
        super("Cannot map " + entity.getName() + ": " + problem + " " + fix);
    }

    public MappingException(Class<?> entity, String property, String problem, String fix) {
        super("Cannot map " + entity.getSimpleName() + "." + property + " (" + entity.getName() + "): " + problem
                + " " + fix);
    }
}
