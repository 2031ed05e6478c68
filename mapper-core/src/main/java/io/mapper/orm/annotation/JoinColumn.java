package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a foreign key column of a {@link ManyToOne} or owning {@link OneToOne}; {@code <property>_id} by default.
 * Repeated (or inside {@link JoinColumns}) for a target with a composite key: one per key part, each naming the key
 * column it refers to in {@link #referencedColumnName()}.
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
