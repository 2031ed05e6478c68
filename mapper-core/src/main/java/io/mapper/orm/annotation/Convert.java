package io.mapper.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.mapper.types.TypeConverter;

/**
 * Stores a property through a {@link TypeConverter} (JPA's {@code @Convert}, SQLAlchemy's {@code TypeDecorator}):
 * {@code @Convert(MoneyConverter.class) Money price}. The column's SQL type is the converter's storage type, mapped
 * as a property of that type would be ({@code @Column(precision, scale, length)} apply to it).
 *
 * <p>On a value class ({@code @Convert(EmailConverter.class) record Email(String value)}) it applies to every mapped
 * property of that class. Without a class, on a property, it says the converter is registered for the property's
 * Java type on the session factory ({@code SessionFactory.builder(engine).converter(...)}, or a Spring bean). The
 * converter class needs a no-argument constructor unless an instance of it is registered on the factory.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Convert {

    /** The converter; {@code TypeConverter.class} (the default) means the one registered for the Java type. */
    @SuppressWarnings("rawtypes")
    Class<? extends TypeConverter> value() default TypeConverter.class;
}
