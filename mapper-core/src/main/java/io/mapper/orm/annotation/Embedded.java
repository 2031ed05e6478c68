package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Maps an {@link Embeddable} value onto columns of this entity's table, named {@code <prefix><column>}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Embedded {

    /** Prepended to each embedded column name; the snake_case property name plus {@code _} when empty. */
    String prefix() default "";
}
