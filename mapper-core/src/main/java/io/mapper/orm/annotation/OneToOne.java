package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A reference to at most one related entity; the side without {@code mappedBy} owns the foreign key. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OneToOne {

    /** On the inverse side, the property of the owning side; empty on the owning side. */
    String mappedBy() default "";

    /** How the related object is loaded. */
    FetchStrategy fetch() default FetchStrategy.DEFAULT;

    /** Whether the reference may be null. */
    boolean optional() default true;

    /**
     * Cascades to the related object: by default {@code SAVE_UPDATE} and {@code MERGE}, as for a one-to-many (the
     * related object belongs to this one alone).
     */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};
}
