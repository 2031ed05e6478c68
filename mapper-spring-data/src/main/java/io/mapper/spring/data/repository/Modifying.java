package io.mapper.spring.data.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Query @Query} method as an INSERT, UPDATE or DELETE: the session is flushed first, the statement
 * runs in the current transaction, and the method returns the number of rows it changed. Objects the session already
 * holds are not updated by it: re-read them, or use the entity's repository methods.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Documented
public @interface Modifying {
}
