package io.mapper.orm.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.convention.NamingStrategy;
import io.mapper.types.JsonCodec;
import io.mapper.types.SqlType;
import io.mapper.types.TypeConverter;

/**
 * What a session factory adds to the annotations when it maps its classes: converters registered per Java type (and
 * the instances {@code @Convert(SomeConverter.class)} uses instead of constructing one), the JSON library of
 * {@code @Json} properties, and the naming strategy. Immutable.
 *
 * @param converters the registered converters, in registration order
 * @param jsonCodec the JSON library, or null to {@link JsonCodec#discover() discover} one when a property needs it
 * @param naming the names of tables and columns the annotations leave unnamed
 */
public record MappingOptions(List<RegisteredConverter> converters, @Nullable JsonCodec jsonCodec,
        NamingStrategy naming) {

    /** The options of a factory that registered nothing. */
    public static final MappingOptions DEFAULTS = new MappingOptions(List.of(), null);

    /** Options with the default (snake_case) naming. */
    public MappingOptions(List<RegisteredConverter> converters, @Nullable JsonCodec jsonCodec) {
        this(converters, jsonCodec, NamingStrategy.SNAKE_CASE);
    }

    /**
     * A converter registered on the factory: for properties of {@code javaType}, stored as {@code storage} (or, when
     * null, as the converter's declared storage class is mapped).
     */
    public record RegisteredConverter(Class<?> javaType, @Nullable SqlType<?> storage, TypeConverter<?, ?> converter) {

        public RegisteredConverter {
            Objects.requireNonNull(javaType, "javaType must not be null");
            Objects.requireNonNull(converter, "converter must not be null");
        }
    }

    public MappingOptions {
        converters = List.copyOf(converters);
        Objects.requireNonNull(naming, "naming must not be null");
    }

    /** A registered converter from its class's type arguments ({@code MoneyConverter implements TypeConverter<Money, BigDecimal>}). */
    public static RegisteredConverter register(TypeConverter<?, ?> converter) {
        Class<?>[] types = ConverterTypes.of(converter.getClass());
        if (types == null) {
            throw new ArgumentException(converter.getClass().getName() + " does not name its Java and storage types "
                    + "(a lambda, or a raw TypeConverter); register it with converter(javaType, storageType, "
                    + "converter) instead.");
        }
        return new RegisteredConverter(types[0], null, converter);
    }

    /** The converter registered for properties of exactly this Java type, if any (the last registration wins). */
    @Nullable RegisteredConverter forJavaType(Class<?> javaType) {
        Map<Class<?>, RegisteredConverter> byType = new LinkedHashMap<>();
        for (RegisteredConverter registered : converters) {
            byType.put(registered.javaType(), registered);
        }
        return byType.get(io.mapper.types.Conversions.boxed(javaType));
    }

    /** The registered instance of exactly this converter class, if any. */
    @Nullable TypeConverter<?, ?> instanceOf(Class<?> converterClass) {
        for (RegisteredConverter registered : converters) {
            if (registered.converter().getClass() == converterClass) {
                return registered.converter();
            }
        }
        return null;
    }
}
