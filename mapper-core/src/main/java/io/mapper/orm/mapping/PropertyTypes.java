package io.mapper.orm.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Convert;
import io.mapper.orm.annotation.Json;
import io.mapper.orm.convention.TypeMapping;
import io.mapper.types.JsonCodec;
import io.mapper.types.SqlType;
import io.mapper.types.TypeConverter;
import io.mapper.types.Types;

/**
 * The SQL type of a column property: {@code @Json}, a converter ({@code @Convert} on the property, one registered
 * on the factory for its Java type, {@code @Convert} on its class), else the built-in type {@link TypeMapping} gives.
 */
final class PropertyTypes {

    private PropertyTypes() {
    }

    static SqlType<?> of(Class<?> entity, Field field, @Nullable Column column, MappingOptions options) {
        return of(entity, field, field.getType(), column, options);
    }

    /**
     * The SQL type of values of {@code valueType} held by {@code field}: the field's own type, or the element type of
     * an element collection (whose {@code @Convert} applies to each element).
     */
    static SqlType<?> of(Class<?> entity, Field field, Class<?> valueType, @Nullable Column column,
            MappingOptions options) {
        Class<?> javaType = io.mapper.types.Conversions.boxed(valueType);
        if (field.isAnnotationPresent(Json.class) && valueType == field.getType()) {
            JsonCodec codec = options.jsonCodec();
            try {
                return Types.json(field.getGenericType(), javaType, codec != null ? codec : JsonCodec.discover());
            } catch (ArgumentException e) {
                throw new MappingException(entity, field.getName(), e.getMessage(), "Add the library, or remove "
                        + "@Json.");
            }
        }
        Convert onField = field.getAnnotation(Convert.class);
        if (onField != null && onField.value() != TypeConverter.class) {
            return converted(entity, field, javaType, column, options, onField.value());
        }
        MappingOptions.RegisteredConverter registered = options.forJavaType(javaType);
        if (registered != null) {
            return converted(entity, field, javaType, column, registered);
        }
        if (onField != null) {
            throw new MappingException(entity, field.getName(), "@Convert without a class asks for the converter "
                    + "registered for " + javaType.getName() + ", and none is.", "Register one with "
                    + "SessionFactory.builder(engine).converter(...) (or declare it as a Spring bean), or name its "
                    + "class: @Convert(" + javaType.getSimpleName() + "Converter.class).");
        }
        Convert onClass = javaType.getAnnotation(Convert.class);
        if (onClass != null && onClass.value() != TypeConverter.class) {
            return converted(entity, field, javaType, column, options, onClass.value());
        }
        SqlType<?> sqlType;
        try {
            sqlType = TypeMapping.forJavaType(javaType, column);
        } catch (ArgumentException e) {
            throw new MappingException(entity, field.getName(), e.getMessage(), "Fix the type, or mark the field "
                    + "@Transient.");
        }
        if (sqlType == null) {
            throw new MappingException(entity, field.getName(), "mapper has no SQL type for "
                    + javaType.getName() + ".", "Use a supported type (numbers, String, BigDecimal, java.time, "
                    + "UUID, byte[], enums), an @Embedded value object, a converter (@Convert) or @Json, or mark the "
                    + "field @Transient.");
        }
        return sqlType;
    }

    @SuppressWarnings({"rawtypes"})
    private static SqlType<?> converted(Class<?> entity, Field field, Class<?> javaType, @Nullable Column column,
            MappingOptions options, Class<? extends TypeConverter> converterClass) {
        TypeConverter<?, ?> converter = options.instanceOf(converterClass);
        if (converter == null) {
            converter = instantiate(entity, field, converterClass);
        }
        Class<?>[] types = ConverterTypes.of(converterClass);
        if (types == null) {
            throw new MappingException(entity, field.getName(), "its converter " + converterClass.getName()
                    + " does not name its Java and storage types.", "Declare it as implements TypeConverter<"
                    + javaType.getSimpleName() + ", StorageType>.");
        }
        checkJavaType(entity, field, javaType, converterClass.getName(), types[0]);
        return build(entity, field, javaType, column, null, types[1], converter);
    }

    private static SqlType<?> converted(Class<?> entity, Field field, Class<?> javaType, @Nullable Column column,
            MappingOptions.RegisteredConverter registered) {
        Class<?> storageClass = null;
        if (registered.storage() == null) {
            Class<?>[] types = ConverterTypes.of(registered.converter().getClass());
            storageClass = types == null ? null : types[1];
        }
        return build(entity, field, javaType, column, registered.storage(), storageClass, registered.converter());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> build(Class<?> entity, Field field, Class<?> javaType, @Nullable Column column,
            @Nullable SqlType<?> storage, @Nullable Class<?> storageClass, TypeConverter<?, ?> converter) {
        SqlType<?> storageType = storage;
        if (storageType == null && storageClass != null) {
            storageType = TypeMapping.forJavaType(storageClass, column);
        }
        if (storageType == null) {
            throw new MappingException(entity, field.getName(), "its converter " + converter.getClass().getName()
                    + " stores values as " + (storageClass == null ? "an undeclared type" : storageClass.getName())
                    + ", which has no built-in SQL type.", "Convert to a supported type (String, numbers, "
                    + "BigDecimal, java.time, UUID, byte[]), or register it with converter(javaType, storageType, "
                    + "converter).");
        }
        return Types.converted((SqlType) storageType, (Class) io.mapper.types.Conversions.boxed(javaType),
                (TypeConverter) converter);
    }

    private static void checkJavaType(Class<?> entity, Field field, Class<?> javaType, String converter,
            Class<?> converted) {
        Class<?> own = io.mapper.types.Conversions.boxed(javaType);
        if (!converted.isAssignableFrom(own)) {
            throw new MappingException(entity, field.getName(), "its converter " + converter + " converts "
                    + converted.getName() + " values, but the property is a " + own.getName() + ".",
                    "Use a converter for " + own.getSimpleName() + ".");
        }
    }

    private static TypeConverter<?, ?> instantiate(Class<?> entity, Field field, Class<?> converterClass) {
        try {
            Constructor<?> constructor = converterClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (TypeConverter<?, ?>) constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(entity, field.getName(), "its converter " + converterClass.getName()
                    + " cannot be created (" + e + ").", "Give it a no-argument constructor, or register an "
                    + "instance with SessionFactory.builder(engine).converter(new " + converterClass.getSimpleName()
                    + "(...)).");
        }
    }
}
