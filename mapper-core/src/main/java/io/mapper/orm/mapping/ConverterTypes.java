package io.mapper.orm.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.types.TypeConverter;

/** The Java and storage classes a converter class declares as {@code TypeConverter<T, S>}, read once at mapping. */
final class ConverterTypes {

    private ConverterTypes() {
    }

    /** {@code {T, S}} of {@code converterClass}, or null when they are not concrete classes (a lambda, a raw type). */
    static Class<?> @Nullable [] of(Class<?> converterClass) {
        return find(converterClass, new HashMap<>());
    }

    private static Class<?> @Nullable [] find(@Nullable Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type == null) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return null;
        }
        Map<TypeVariable<?>, Type> own = new HashMap<>(bindings);
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                own.put(variables[i], resolve(arguments[i], bindings));
            }
        }
        if (raw == TypeConverter.class) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Class<?> javaType = raw(own.get(variables[0]));
            Class<?> storage = raw(own.get(variables[1]));
            return javaType == null || storage == null ? null : new Class<?>[] {javaType, storage};
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Class<?>[] found = find(parent, own);
            if (found != null) {
                return found;
            }
        }
        return find(raw.getGenericSuperclass(), own);
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> variable && bindings.containsKey(variable) ? bindings.get(variable)
                : type;
    }

    private static @Nullable Class<?> raw(@Nullable Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> plain) {
            return plain;
        }
        return null;
    }
}
