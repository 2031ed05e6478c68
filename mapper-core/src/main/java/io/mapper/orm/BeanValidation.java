package io.mapper.orm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mapper.orm.mapping.ValidationException;
import io.mapper.orm.unitofwork.FlushValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/**
 * Bean Validation ({@code jakarta.validation}) of each object a flush writes, as Hibernate's
 * {@code BeanValidationEventListener} does. Only loaded when the API is on the class path ({@link #create}); the
 * dependency is optional. Thread-safe.
 */
final class BeanValidation implements FlushValidator {

    private static final Logger log = LoggerFactory.getLogger(BeanValidation.class);

    private final Validator validator;

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * The validator of the class path's Bean Validation provider, or null when there is no API or no provider (a
     * provider that fails to start is reported as a WARN, and validation is off).
     */
    static @Nullable FlushValidator create(ClassLoader classLoader) {
        // The API must be visible both to the entities' class loader and to mapper's own (which links this class
        // against it): a build plugin runs mapper in its own class loader below the project's class path, where
        // only the project sees jakarta.validation.
        if (!visible(classLoader) || !visible(BeanValidation.class.getClassLoader())) {
            return null;
        }
        return Provider.validator();
    }

    private static boolean visible(@Nullable ClassLoader classLoader) {
        try {
            Class.forName("jakarta.validation.Validation", false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Keeps the jakarta.validation types out of {@link #create}'s class-path check. */
    private static final class Provider {
        static @Nullable FlushValidator validator() {
            try {
                return new BeanValidation(Validation.buildDefaultValidatorFactory().getValidator());
            } catch (RuntimeException e) {
                log.warn("jakarta.validation is on the class path but no Bean Validation provider could be started, "
                        + "so flushes do not run Bean Validation: {}. Add a provider such as hibernate-validator "
                        + "(with an expression language implementation), or remove jakarta.validation-api.",
                        e.toString());
                return null;
            }
        }
    }

    @Override
    public void validate(Object entity, String object) {
        Set<ConstraintViolation<Object>> violations = validator.validate(entity);
        if (violations.isEmpty()) {
            return;
        }
        List<ValidationException.Violation> found = new ArrayList<>();
        for (ConstraintViolation<Object> violation : violations) {
            found.add(new ValidationException.Violation(violation.getPropertyPath().toString(),
                    violation.getMessage()));
        }
        // The provider's set has no order; sorted, the message is the same every time.
        found.sort(Comparator.comparing(ValidationException.Violation::property)
                .thenComparing(ValidationException.Violation::message));
        throw new ValidationException(entity, object, found, null);
    }
}
