package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a property (a record, a bean, a {@code Map} or a {@code List<Tag>}) as a JSON document: JSONB on
 * PostgreSQL, JSON on MariaDB and H2, TEXT on SQLite. The JSON library is the session factory's
 * ({@code jsonCodec(...)}), else Jackson 3 when it is on the class path. Changes made in place to the loaded value
 * are written at the flush: the session compares documents, not references.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Json {
}
