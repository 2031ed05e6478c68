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

    /**
     * Cascades from this object to the parent: by default {@code SAVE_UPDATE} only. Without {@code MERGE}, merging
     * this object points it at the session's own instance of the parent's row and copies none of the detached
     * parent's properties: a reference often stands for its row by key alone, and merging such an object would
     * write its unset properties as NULL over a row many others share.
     */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE};

    /**
     * The collection property on the parent that mirrors this reference. Java cannot see an assignment to this field,
     * so the two sides are reconciled at the flush (the side that changed wins, and the parent's loaded collection
     * follows); changes made through mapper's collections are mirrored here at once.
     */
    String backPopulates() default "";
}
