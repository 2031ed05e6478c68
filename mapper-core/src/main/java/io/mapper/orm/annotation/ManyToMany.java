package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A collection linked through an association table; the side without {@code mappedBy} owns the table. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ManyToMany {

    /** On the inverse side, the collection property of the owning side; empty on the owning side. */
    String mappedBy() default "";

    /** How the collection is loaded. */
    FetchStrategy fetch() default FetchStrategy.DEFAULT;

    /**
     * Cascades to the related objects: by default {@code SAVE_UPDATE} only. Without {@code MERGE}, merging this
     * object copies which rows the collection holds (each element being the session's own instance of its row) and
     * none of the detached elements' properties, since the related rows are shared, as for a {@link ManyToOne}.
     */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE};

    /** The collection's order, as {@code "property"} or {@code "property desc"}. */
    String orderBy() default "";
}
