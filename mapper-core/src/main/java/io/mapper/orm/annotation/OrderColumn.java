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
 * list is loaded ordered by it. The column belongs to the collection: no attribute of the child may map it. On an
 * {@link ElementCollection} list it orders the collection table's rows ({@code position} by default there).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OrderColumn {

    /**
     * The column's name; by default {@code <property>_order} (through the naming strategy) in a child's table, and
     * {@code position} in an element collection's table.
     */
    String name() default "";
}
