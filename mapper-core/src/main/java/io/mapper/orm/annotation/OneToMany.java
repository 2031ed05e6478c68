package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A collection of child entities whose foreign key points at this entity. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OneToMany {

    /** The {@link ManyToOne} property on the child that owns the foreign key. */
    String mappedBy();

    /** How the collection is loaded. */
    FetchStrategy fetch() default FetchStrategy.DEFAULT;

    /** Cascades from this object to the children. */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE};

    /** Rely on the database's ON DELETE CASCADE instead of loading children to delete them. */
    boolean passiveDeletes() default false;

    /** The children's order, as {@code "property"} or {@code "property desc"}, comma separated. */
    String orderBy() default "";
}
