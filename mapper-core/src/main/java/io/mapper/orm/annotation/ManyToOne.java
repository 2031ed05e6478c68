package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A reference to one parent entity through a foreign key column of this table. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ManyToOne {

    /** How the parent is loaded. */
    FetchStrategy fetch() default FetchStrategy.DEFAULT;

    /** Whether the reference may be null. */
    boolean optional() default true;

    /** Cascades from this object to the parent. */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE};

    /** The collection property on the parent that mirrors this reference; kept in sync in memory. */
    String backPopulates() default "";
}
