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
     * The schema the table lives in (a database on MariaDB, an attached database on SQLite), or empty for the
     * connection's default. Statements and DDL name it {@code schema.table}; an engine's schema translation
     * ({@code engine.withSchemaTranslation}) can render it in another schema per tenant.
     */
    String schema() default "";
}
