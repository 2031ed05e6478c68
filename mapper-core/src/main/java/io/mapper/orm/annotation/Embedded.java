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

    /** Prepended to each embedded column name; when empty, the naming strategy's ({@code address_} by default). */
    String prefix() default "";
}
