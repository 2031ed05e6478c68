package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keys a {@code Map}-valued one-to-many by a column of the elements' table that no attribute maps: the column is
 * created there and the flush writes each element's key into it (SQLAlchemy's {@code column_keyed_dict}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface MapKeyColumn {

    /** The key column's name; {@code <property>_key} (through the naming strategy) by default. */
    String name() default "";
}
