package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity method called when a query or {@code get} has set the object's columns from a row: a new
 * instance, or an expired or locked one refreshed (SQLAlchemy's {@code load} and {@code refresh} events).
 * Relationships loaded after the row (select-in, lazy) may not be there yet.
 * The method takes no arguments and may have any visibility; a superclass's callbacks run before the subclass's.
 * Runs before the factory's {@code SessionListener}s hear the same event. See docs/orm.md, "Life cycle".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterLoad {
}
