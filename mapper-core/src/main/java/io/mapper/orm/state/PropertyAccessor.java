package io.mapper.orm.state;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.MapperException;

/**
 * Reads and writes one property of a mapped class through method handles resolved once, at mapping time: the
 * public getter and setter when the class has them ({@code getName}/{@code isActive}/{@code name()} and
 * {@code setName}), else the field itself, even when private. Thread-safe.
 */
public final class PropertyAccessor {

    private final String name;
    private final Class<?> owner;
    private final Class<?> type;
    private final MethodHandle getter;
    private final MethodHandle setter;

    private PropertyAccessor(String name, Class<?> owner, Class<?> type, MethodHandle getter, MethodHandle setter) {
        this.name = name;
        this.owner = owner;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
    }

    /** An accessor for {@code field}, through its public getter and setter when present. */
    public static PropertyAccessor of(Field field) {
        Class<?> owner = field.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle getter = publicGetter(owner, field);
            MethodHandle setter = publicSetter(owner, field);
            if (getter == null) {
                getter = lookup.unreflectGetter(field);
            }
            if (setter == null) {
                if (Modifier.isFinal(field.getModifiers())) {
                    throw new ArgumentException("The mapped field " + owner.getSimpleName() + "." + field.getName()
                            + " is final, so mapper cannot set it when loading rows. Remove 'final', add a setter, "
                            + "or mark the field @Transient.");
                }
                setter = lookup.unreflectSetter(field);
            }
            return new PropertyAccessor(field.getName(), owner, field.getType(),
                    getter.asType(MethodType.methodType(Object.class, Object.class)),
                    setter.asType(MethodType.methodType(void.class, Object.class, Object.class)));
        } catch (IllegalAccessException e) {
            throw new ArgumentException("mapper cannot access " + owner.getName() + "." + field.getName() + ": "
                    + e.getMessage() + ". If the class is in a named module, open its package to io.mapper.core "
                    + "(opens ... to ...).", e);
        }
    }

    private static @Nullable MethodHandle publicGetter(Class<?> owner, Field field) throws IllegalAccessException {
        String capitalized = capitalize(field.getName());
        for (String candidate : new String[] {"get" + capitalized, "is" + capitalized, field.getName()}) {
            try {
                Method method = owner.getMethod(candidate);
                if (method.getReturnType() == field.getType() && !Modifier.isStatic(method.getModifiers())
                        && Modifier.isPublic(owner.getModifiers())) {
                    return MethodHandles.publicLookup().unreflect(method);
                }
            } catch (NoSuchMethodException ignored) {
                // Try the next naming convention.
            }
        }
        return null;
    }

    private static @Nullable MethodHandle publicSetter(Class<?> owner, Field field) throws IllegalAccessException {
        try {
            Method method = owner.getMethod("set" + capitalize(field.getName()), field.getType());
            if (!Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(owner.getModifiers())) {
                return MethodHandles.publicLookup().unreflect(method);
            }
        } catch (NoSuchMethodException ignored) {
            // No setter: the field is written directly.
        }
        return null;
    }

    private static String capitalize(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** The property's name. */
    public String name() {
        return name;
    }

    /** The property's declared type. */
    public Class<?> type() {
        return type;
    }

    /** The property's current value on {@code target}. */
    public @Nullable Object get(Object target) {
        try {
            return (Object) getter.invokeExact(target);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MapperException("Reading " + owner.getSimpleName() + "." + name + " failed: " + e, e);
        }
    }

    /** Sets the property on {@code target}; a null for a primitive property raises, naming the property. */
    public void set(Object target, @Nullable Object value) {
        if (value == null && type.isPrimitive()) {
            throw new ArgumentException("Cannot set the primitive property " + owner.getSimpleName() + "." + name
                    + " to NULL. Use its wrapper type (for example Long) or make the column NOT NULL.");
        }
        try {
            setter.invokeExact(target, value);
        } catch (ClassCastException e) {
            throw new ArgumentException("Cannot set " + owner.getSimpleName() + "." + name + " (" + type.getName()
                    + ") to a " + (value == null ? "null" : value.getClass().getName()) + ".", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MapperException("Writing " + owner.getSimpleName() + "." + name + " failed: " + e, e);
        }
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
