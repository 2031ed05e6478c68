package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the foreign key column of a {@link ManyToOne} or owning {@link OneToOne} ({@code <property>_id} by default),
 * or, on a {@link OneToMany} without {@code mappedBy}, the foreign key column of the child's table that refers to
 * this entity: a unidirectional one-to-many, whose column is created with the child's table and written by the
 * flush from the collection (no attribute of the child maps it). Repeated (or inside {@link JoinColumns}) on a
 * reference to an entity with a composite key: one per key part, each naming the key column it refers to in
 * {@link #referencedColumnName()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
@Repeatable(JoinColumns.class)
public @interface JoinColumn {

    /** The foreign key column's name. */
    String name();

    /**
     * The target's key column this column refers to; may be left out for a single-column key, required for each part
     * of a composite one.
     */
    String referencedColumnName() default "";

    /** The ON DELETE action of the foreign key, as SQL ({@code CASCADE}, {@code SET NULL}); empty for none. */
    String onDelete() default "";
}
