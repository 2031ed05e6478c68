package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets a temporal property to the session factory's clock when its object is INSERTed and whenever the flush
 * UPDATEs its row because other columns changed (Hibernate's {@code @UpdateTimestamp}); an object without changes
 * keeps its time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface UpdateTimestamp {
}
