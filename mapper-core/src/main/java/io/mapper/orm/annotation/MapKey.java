package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keys a {@code Map}-valued one-to-many by an attribute of its elements ({@code @MapKey(name = "code") Map<String,
 * Item> items}; SQLAlchemy's {@code attribute_keyed_dict}). The map is not re-keyed when the attribute changes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface MapKey {

    /** The element's attribute whose value is the key. */
    String name();
}
