package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the table of an {@link Entity}; without it the table is the snake_case class name. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The table name. */
    String name();

    /**
     * The schema, or empty for the connection's default. Not supported yet: a schema is refused when the entity is
     * mapped, rather than ignored (issue 14).
     */
    String schema() default "";
}
