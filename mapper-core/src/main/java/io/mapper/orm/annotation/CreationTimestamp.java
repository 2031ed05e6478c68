package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets a temporal property ({@code Instant}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code LocalDate}) to
 * the session factory's clock when its object is INSERTed (Hibernate's {@code @CreationTimestamp}); a value set by
 * the application is kept. For a time set by the database instead, give the column a server default and mark it
 * {@link Generated}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface CreationTimestamp {
}
