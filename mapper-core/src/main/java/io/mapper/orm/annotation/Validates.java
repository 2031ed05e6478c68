package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity method that validates (and may normalise) the named properties, SQLAlchemy's {@code @validates}.
 * Java cannot intercept a field write, so it runs at the flush, before anything is written: for every named
 * property of an object about to be INSERTed, and for the changed ones of an object about to be UPDATEd.
 *
 * <pre>{@code
 * @Validates("email")
 * String checkEmail(String email) {            // or (String property, String email)
 *     if (!email.contains("@")) throw new IllegalArgumentException("not an e-mail address");
 *     return email.strip().toLowerCase();      // the value written; a void method leaves it as it is
 * }
 * }</pre>
 *
 * <p>An exception it throws stops the flush with {@code ValidationException} naming the object and the property,
 * before any SQL; the session stays usable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Validates {

    /** The property names (as in {@code filterBy}) this method validates. */
    String[] value();
}
