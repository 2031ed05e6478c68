package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a {@link OneToMany} {@code List}'s order in a column of the child's table (JPA's {@code @OrderColumn},
 * SQLAlchemy's {@code ordering_list}): the column is created with the child's table, the flush writes each element's
 * index into it (with the INSERT of a new element, and an UPDATE of only the elements whose index changed), and the
 * list is loaded ordered by it. The column belongs to the collection: no attribute of the child may map it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OrderColumn {

    /** The column's name; {@code <property>_order} (through the naming strategy) by default. */
    String name() default "";
}
