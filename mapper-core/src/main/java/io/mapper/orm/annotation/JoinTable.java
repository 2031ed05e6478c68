package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the association table of an owning {@link ManyToMany} and its foreign key columns (one per key part). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface JoinTable {

    /** The association table; {@code <owner table>_<target table>} by default. */
    String name();

    /** The association table's schema; the owning entity's schema ({@code @Table(schema)}) by default. */
    String schema() default "";

    /** The column referring to the owning entity; {@code <owner table>_id} by default. */
    String joinColumn() default "";

    /** The column referring to the target entity; {@code <target table>_id} by default. */
    String inverseJoinColumn() default "";

    /**
     * The columns referring to an owning entity with a composite key, one per key part, each naming its key column
     * in {@code referencedColumnName}; {@code <owner table>_<key column>} by default.
     */
    JoinColumn[] joinColumns() default {};

    /** The columns referring to a target entity with a composite key, as {@link #joinColumns()}. */
    JoinColumn[] inverseJoinColumns() default {};
}
