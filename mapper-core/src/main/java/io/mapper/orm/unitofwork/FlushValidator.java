package io.mapper.orm.unitofwork;

/**
 * Checks an object the flush is about to INSERT or UPDATE, before any SQL of that flush; raises (a
 * {@code ValidationException}) to stop it. Bean Validation plugs in here. Implementations must be thread-safe.
 */
public interface FlushValidator {

    /** Validates {@code entity}, described as {@code object} for messages (its key, or "a new User"). */
    void validate(Object entity, String object);
}
