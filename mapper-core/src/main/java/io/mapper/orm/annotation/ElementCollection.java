package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code Set} or {@code List} of simple values ({@code Set<String> nicknames}) or of {@link Embeddable} values
 * ({@code List<Address> addresses}) stored in a table of its own, one row per element, keyed by the owner (JPA's
 * {@code @ElementCollection}, SQLAlchemy's association proxy over a value table). {@link CollectionTable} names the
 * table and its join column, {@link Column} the value column of a simple type, {@link OrderColumn} keeps a list's order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ElementCollection {

    /** How the collection is loaded; lazily by default (mapper's own collection loads on first use). */
    FetchStrategy fetch() default FetchStrategy.DEFAULT;
}
