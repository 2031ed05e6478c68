package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The foreign key columns of a reference to an entity with a composite key, one {@link JoinColumn} per key part. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface JoinColumns {

    /** One column per part of the target's key. */
    JoinColumn[] value();
}
