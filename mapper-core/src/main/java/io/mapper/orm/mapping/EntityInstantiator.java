package io.mapper.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.MapperException;

/**
 * Creates empty instances of a mapped class through its no-argument constructor, which may be private; resolved
 * once per class. Thread-safe.
 *
 * @param <T> the mapped class
 */
public final class EntityInstantiator<T> {

    private final Class<T> type;
    private final MethodHandle constructor;

    private EntityInstantiator(Class<T> type, MethodHandle constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    /** The instantiator for {@code type}; raises naming the class and the fix when it cannot be instantiated. */
    public static <T> EntityInstantiator<T> of(Class<T> type) {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new ArgumentException("The entity " + type.getName() + " is abstract; map a concrete class.");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new ArgumentException("The entity " + type.getName() + " is an inner class; declare it static "
                    + "(or top-level) so mapper can create instances.");
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle handle = lookup.findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            return new EntityInstantiator<>(type, handle);
        } catch (NoSuchMethodException e) {
            throw new ArgumentException("The entity " + type.getName() + " has no no-argument constructor. Add one "
                    + "(it may be private) so mapper can create instances when loading rows.", e);
        } catch (IllegalAccessException e) {
            throw new ArgumentException("mapper cannot access the constructor of " + type.getName() + ": "
                    + e.getMessage() + ". If the class is in a named module, open its package to mapper.", e);
        }
    }

    /** A new, empty instance. */
    public T newInstance() {
        try {
            return type.cast((Object) constructor.invokeExact());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MapperException("The constructor of " + type.getName() + " failed: " + e, e);
        }
    }
}
