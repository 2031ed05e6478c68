package io.mapper.orm.mapping;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;

/**
 * An object the flush was about to write failed validation: an {@code @Validates} method threw, or a Bean Validation
 * ({@code jakarta.validation}) constraint was violated. Raised before any SQL of that flush, so nothing was written
 * and the session stays usable: fix the values (or expunge the object) and flush again. The message names the
 * object and each property, never the rejected values.
 */
public class ValidationException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /** One rejected property: its name ({@code ""} for a class-level constraint) and why. */
    public record Violation(String property, String message) {
    }

    private final transient Object entity;
    private final List<Violation> violations;

    /** A failure of {@code entity} (described as {@code object}) for these violations. */
    public ValidationException(Object entity, String object, List<Violation> violations, @Nullable Throwable cause) {
        super(object + " is not valid, so the flush wrote nothing: " + violations.stream()
                .map(violation -> (violation.property().isEmpty() ? "" : violation.property() + ": ")
                        + violation.message())
                .collect(Collectors.joining("; ")) + ". Correct the values (or expunge the object) and flush again.",
                cause);
        this.entity = entity;
        this.violations = List.copyOf(violations);
    }

    /** The object that failed. */
    public Object entity() {
        return entity;
    }

    /** What failed, per property. */
    public List<Violation> violations() {
        return violations;
    }
}
