package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the table of an {@link ElementCollection} and its column referring to the owner. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CollectionTable {

    /** The table; {@code <owner table>_<property>} (through the naming strategy) by default. */
    String name() default "";

    /** The column referring to the owner's key; {@code <owner table>_id} by default. */
    String joinColumn() default "";
}
