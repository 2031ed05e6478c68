package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the foreign key column of a {@link ManyToOne} or owning {@link OneToOne} ({@code <property>_id} by default),
 * or, on a {@link OneToMany} without {@code mappedBy}, the foreign key column of the child's table that refers to
 * this entity: a unidirectional one-to-many, whose column is created with the child's table and written by the
 * flush from the collection (no attribute of the child maps it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface JoinColumn {

    /** The foreign key column's name. */
    String name();

    /** The ON DELETE action of the foreign key, as SQL ({@code CASCADE}, {@code SET NULL}); empty for none. */
    String onDelete() default "";
}
