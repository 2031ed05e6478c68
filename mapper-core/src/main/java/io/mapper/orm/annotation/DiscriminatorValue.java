package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The discriminator value of one class of an {@link Inheritance} hierarchy (SQLAlchemy's
 * {@code polymorphic_identity}): written into every row of the class and read to choose the class of a loaded row.
 * Every non-abstract class of a hierarchy needs one, and values are unique within the hierarchy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorValue {

    /** The value, written as text: {@code "dog"}, {@code "2"} for an integer column, an enum constant's name. */
    String value();
}
