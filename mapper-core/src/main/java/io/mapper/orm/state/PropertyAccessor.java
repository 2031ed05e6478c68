package io.mapper.orm.state;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.MapperException;

/**
 * Reads and writes one property of a mapped class through method handles resolved once, at mapping time: the
 * public getter and setter when the class has them ({@code getName}/{@code isActive}/{@code name()} and
 * {@code setName}), else the field itself, even when private. Thread-safe.
 *
 * <p>A public getter or setter is also bound, once, into a small class of the JDK's {@link LambdaMetafactory} (the
 * class a method reference such as {@code User::getName} compiles to), which the JIT calls like any interface
 * method; a method handle held in a field, as every property's is, goes through the JDK's generic invoker on each
 * call. Where that class cannot be made (a class loader or module that does not allow it, a native image), the
 * method handle serves.
 */
public final class PropertyAccessor {

    private final String name;
    private final Class<?> owner;
    private final Class<?> type;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final @Nullable Function<Object, @Nullable Object> boundGetter;
    private final @Nullable BiConsumer<Object, @Nullable Object> boundSetter;
    /**
     * For a field whose writes the build-time enhancer counts: writes it without counting, for what mapper sets as
     * loaded ({@link #setLoaded}): the enhancer's {@code $mapper$load$name}, else the field itself; null otherwise.
     */
    private final @Nullable MethodHandle loadSetter;
    /** {@link #loadSetter} bound once into a class, as the getter and setter are; null where it cannot be. */
    private final @Nullable BiConsumer<Object, @Nullable Object> boundLoadSetter;
    /** The public getter and setter mapper calls, null where it reads or writes the field itself. */
    private final @Nullable Method getterMethod;
    private final @Nullable Method setterMethod;

    private PropertyAccessor(String name, Class<?> owner, Class<?> type, MethodHandle getter, MethodHandle setter,
            @Nullable Function<Object, @Nullable Object> boundGetter,
            @Nullable BiConsumer<Object, @Nullable Object> boundSetter, @Nullable MethodHandle loadSetter,
            @Nullable BiConsumer<Object, @Nullable Object> boundLoadSetter, @Nullable Method getterMethod,
            @Nullable Method setterMethod) {
        this.name = name;
        this.owner = owner;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
        this.boundGetter = boundGetter;
        this.boundSetter = boundSetter;
        this.loadSetter = loadSetter;
        this.boundLoadSetter = boundLoadSetter;
        this.getterMethod = getterMethod;
        this.setterMethod = setterMethod;
    }

    /** An accessor for {@code field}, through its public getter and setter when present. */
    public static PropertyAccessor of(Field field) {
        return of(field, true);
    }

    /**
     * An accessor for {@code field}; with {@code bind} false, its getter and setter are only called through their
     * method handles (the fallback where {@link LambdaMetafactory} cannot bind them).
     */
    static PropertyAccessor of(Field field, boolean bind) {
        Class<?> owner = field.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            Method getterMethod = publicGetter(owner, field);
            Method setterMethod = publicSetter(owner, field);
            MethodHandle getter = getterMethod == null ? null : MethodHandles.publicLookup().unreflect(getterMethod);
            MethodHandle setter = setterMethod == null ? null : MethodHandles.publicLookup().unreflect(setterMethod);
            Function<Object, @Nullable Object> boundGetter = bind && getter != null
                    ? bind(lookup, getter, Function.class, "apply") : null;
            BiConsumer<Object, @Nullable Object> boundSetter = bind && setter != null
                    ? bind(lookup, setter, BiConsumer.class, "accept") : null;
            if (getter == null) {
                getter = lookup.unreflectGetter(field);
            }
            MethodHandle counting = owner.isAnnotationPresent(Enhanced.class)
                    ? enhancerSetter(lookup, owner, field, "$mapper$set$") : null;
            if (setter == null && counting != null) {
                setter = counting;    // mapper's own writes count as the class's do
                // Bound as a public setter is: through its method handle, each write took the generic invoker.
                boundSetter = bind ? bind(lookup, counting, BiConsumer.class, "accept") : null;
            }
            MethodHandle loader = counting == null ? null : enhancerSetter(lookup, owner, field, "$mapper$load$");
            BiConsumer<Object, @Nullable Object> boundLoader = bind && loader != null
                    ? bind(lookup, loader, BiConsumer.class, "accept") : null;
            if (loader == null && counting != null && !Modifier.isFinal(field.getModifiers())) {
                loader = lookup.unreflectSetter(field);
            }
            MethodHandle loadSetter = loader == null ? null
                    : loader.asType(MethodType.methodType(void.class, Object.class, Object.class));
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
                    setter.asType(MethodType.methodType(void.class, Object.class, Object.class)),
                    boundGetter, boundSetter, loadSetter, boundLoader, getterMethod, setterMethod);
        } catch (IllegalAccessException e) {
            throw new ArgumentException("mapper cannot access " + owner.getName() + "." + field.getName() + ": "
                    + e.getMessage() + ". If the class is in a named module, open its package to io.mapper.core "
                    + "(opens ... to ...).", e);
        }
    }

    /**
     * {@code method} (a public getter or setter of {@code lookup}'s class) as an instance of the functional
     * interface {@code face} ({@link Function} or {@link BiConsumer}), or null where the JDK cannot bind it.
     */
    @SuppressWarnings("unchecked")
    private static <T> @Nullable T bind(MethodHandles.Lookup lookup, MethodHandle method, Class<?> face,
            String methodName) {
        if (!lookup.hasFullPrivilegeAccess()) {
            return null;    // the owner is in another module than mapper: its method handle serves
        }
        MethodType erased = face == Function.class
                ? MethodType.methodType(Object.class, Object.class)
                : MethodType.methodType(void.class, Object.class, Object.class);
        // The types the interface method is called with: the owner and boxed values (unboxed on the way in).
        MethodType instantiated = method.type().wrap();
        if (method.type().returnType() == void.class) {
            instantiated = instantiated.changeReturnType(void.class);
        }
        try {
            return (T) LambdaMetafactory.metafactory(lookup, methodName, MethodType.methodType(face), erased, method,
                    instantiated).getTarget().invoke();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return null;    // a class loader, module or native image that does not allow it: the handle serves
        }
    }

    private static @Nullable Method publicGetter(Class<?> owner, Field field) {
        String capitalized = capitalize(field.getName());
        for (String candidate : new String[] {"get" + capitalized, "is" + capitalized, field.getName()}) {
            try {
                Method method = owner.getMethod(candidate);
                if (method.getReturnType() == field.getType() && !Modifier.isStatic(method.getModifiers())
                        && Modifier.isPublic(owner.getModifiers())) {
                    return method;
                }
            } catch (NoSuchMethodException ignored) {
                // Try the next naming convention.
            }
        }
        return null;
    }

    /**
     * A static method the build-time enhancer gave an {@link Enhanced} class to write {@code field}:
     * {@code $mapper$set$name} writes it and counts the write, {@code $mapper$load$name} (relationship fields) writes
     * it without counting. Null when the field has none (a field the enhancer does not count).
     */
    private static @Nullable MethodHandle enhancerSetter(MethodHandles.Lookup lookup, Class<?> owner, Field field,
            String prefix) {
        try {
            return lookup.findStatic(owner, prefix + field.getName(),
                    MethodType.methodType(void.class, owner, field.getType()));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    private static @Nullable Method publicSetter(Class<?> owner, Field field) {
        try {
            Method method = owner.getMethod("set" + capitalize(field.getName()), field.getType());
            if (!Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(owner.getModifiers())) {
                return method;
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

    /** The class that declares the property's field. */
    public Class<?> owner() {
        return owner;
    }

    /** The property's declared type. */
    public Class<?> type() {
        return type;
    }

    /** The property's current value on {@code target}. */
    public @Nullable Object get(Object target) {
        Function<Object, @Nullable Object> bound = boundGetter;
        if (bound != null) {
            return bound.apply(target);
        }
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
        write(boundSetter, setter, target, value);
    }

    /**
     * Whether {@link #get} returns what {@link #set} was last given, on objects of {@code entityType} (the owner or a
     * subclass): mapper reads and writes the field itself, or the public getter and setter it calls are ones the
     * build-time enhancer found to do nothing else ({@link Enhanced#plain()}) and {@code entityType} does not
     * override them. Otherwise a getter may return something else (an empty string for a null).
     */
    public boolean returnsWhatItIsGiven(Class<?> entityType) {
        Enhanced enhanced = owner.getAnnotation(Enhanced.class);
        boolean plain = enhanced != null && java.util.Arrays.asList(enhanced.plain()).contains(name);
        for (Method method : new Method[] {getterMethod, setterMethod}) {
            if (method == null) {
                continue;
            }
            if (!plain || method.getDeclaringClass() != owner) {
                return false;
            }
            try {
                if (entityType.getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass() != owner) {
                    return false;
                }
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
        return true;
    }

    /** Whether the build-time enhancer counts the writes to this property's field ({@link Enhanced}). */
    public boolean isCounted() {
        return loadSetter != null;
    }

    /**
     * Sets the property to what mapper loaded for it (a loaded collection, a reference, a back-reference), which the
     * object's snapshot holds too: for a counted field the field is written without counting, so that the object
     * does not look written to its session; otherwise as {@link #set}.
     */
    public void setLoaded(Object target, @Nullable Object value) {
        MethodHandle raw = loadSetter;
        if (raw == null) {
            set(target, value);
        } else {
            write(boundLoadSetter, raw, target, value);
        }
    }

    /** Writes through {@code bound} when there is one, else through {@code handle}. */
    private void write(@Nullable BiConsumer<Object, @Nullable Object> bound, MethodHandle handle, Object target,
            @Nullable Object value) {
        try {
            if (bound != null) {
                bound.accept(target, value);
            } else {
                handle.invokeExact(target, value);
            }
        } catch (ClassCastException e) {
            throw new ArgumentException("Cannot set " + owner.getSimpleName() + "." + name + " (" + type.getName()
                    + ") to a " + (value == null ? "null" : value.getClass().getName()) + ".", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MapperException("Writing " + owner.getSimpleName() + "." + name + " failed: " + e, e);
        }
    }

    /** Whether this accessor calls the property's getter and setter through classes bound once (for tests). */
    boolean bound() {
        return boundGetter != null && boundSetter != null;
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
