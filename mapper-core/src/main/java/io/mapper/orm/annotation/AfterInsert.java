package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity method the flush calls after the object was INSERTed and its generated key set
 * (SQLAlchemy's {@code after_insert}).
 * The method takes no arguments and may have any visibility; a superclass's callbacks run before the subclass's.
 * Runs before the factory's {@code SessionListener}s hear the same event. See docs/orm.md, "Life cycle".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterInsert {
}
