package io.mapper.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.MapperException;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Transient;
import io.mapper.orm.state.PropertyAccessor;

/**
 * An {@code @Embedded} value object spread over several columns of its owner's table: a record (built through its
 * canonical constructor) or a bean (no-argument constructor and properties). A value whose columns are all NULL
 * reads back as {@code null}. Thread-safe.
 */
public final class EmbeddedMapping {

    /** One property of the value object. */
    record Component(String name, Class<?> type, @Nullable Column column) {
    }

    private final PropertyAccessor owner;
    private final Class<?> type;
    private final List<Component> components;
    private final MethodHandle[] readers;
    private final @Nullable MethodHandle canonicalConstructor;
    private final @Nullable EntityInstantiator<?> instantiator;
    private final @Nullable List<PropertyAccessor> writers;

    private EmbeddedMapping(PropertyAccessor owner, Class<?> type, List<Component> components, MethodHandle[] readers,
            @Nullable MethodHandle canonicalConstructor, @Nullable EntityInstantiator<?> instantiator,
            @Nullable List<PropertyAccessor> writers) {
        this.owner = owner;
        this.type = type;
        this.components = components;
        this.readers = readers;
        this.canonicalConstructor = canonicalConstructor;
        this.instantiator = instantiator;
        this.writers = writers;
    }

    static EmbeddedMapping of(Class<?> entity, Field field) {
        return of(entity, field, field.getType());
    }

    /** The mapping of values of {@code type} held by {@code field} (itself, or as the elements of a collection). */
    static EmbeddedMapping of(Class<?> entity, Field field, Class<?> type) {
        PropertyAccessor owner = PropertyAccessor.of(field);
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            if (type.isRecord()) {
                RecordComponent[] recordComponents = type.getRecordComponents();
                List<Component> components = new ArrayList<>();
                MethodHandle[] readers = new MethodHandle[recordComponents.length];
                Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
                for (int i = 0; i < recordComponents.length; i++) {
                    RecordComponent component = recordComponents[i];
                    components.add(new Component(component.getName(), component.getType(),
                            component.getAnnotation(Column.class)));
                    readers[i] = lookup.unreflect(component.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                    parameterTypes[i] = component.getType();
                }
                Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
                MethodHandle constructor = lookup.unreflectConstructor(canonical)
                        .asSpreader(Object[].class, parameterTypes.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new EmbeddedMapping(owner, type, List.copyOf(components), readers, constructor, null, null);
            }
            List<Component> components = new ArrayList<>();
            List<PropertyAccessor> accessors = new ArrayList<>();
            for (Field componentField : type.getDeclaredFields()) {
                int modifiers = componentField.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
                        || componentField.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                components.add(new Component(componentField.getName(), componentField.getType(),
                        componentField.getAnnotation(Column.class)));
                accessors.add(PropertyAccessor.of(componentField));
            }
            MethodHandle[] readers = new MethodHandle[0];
            return new EmbeddedMapping(owner, type, List.copyOf(components), readers, null,
                    EntityInstantiator.of(type), List.copyOf(accessors));
        } catch (ReflectiveOperationException e) {
            throw new MappingException(entity, field.getName(), "the embedded type " + type.getName()
                    + " cannot be constructed (" + e.getMessage() + ").",
                    "Make it a record, or give it a no-argument constructor.");
        }
    }

    List<Component> components() {
        return components;
    }

    /** The owner's property holding the value object. */
    public PropertyAccessor owner() {
        return owner;
    }

    /** The value object's class. */
    public Class<?> type() {
        return type;
    }

    /** The component values of the owner's value object, all null when the value object is null. */
    @Nullable Object[] decompose(Object entity) {
        return decomposeValue(owner.get(entity));
    }

    /** The component values of one value object, all null for null. */
    @Nullable Object[] decomposeValue(@Nullable Object value) {
        Object[] values = new Object[components.size()];
        if (value == null) {
            return values;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = writers == null ? invokeReader(i, value) : writers.get(i).get(value);
        }
        return values;
    }

    /** Sets the owner's value object from component values; all-null components make it null. */
    void compose(Object entity, @Nullable Object[] values) {
        owner.set(entity, composeValue(values));
    }

    /** The value object of these component values; null when all are null. */
    @Nullable Object composeValue(@Nullable Object[] values) {
        boolean allNull = true;
        for (Object value : values) {
            allNull &= value == null;
        }
        if (allNull) {
            return null;
        }
        Object value;
        if (canonicalConstructor != null) {
            try {
                value = (Object) canonicalConstructor.invokeExact(values.clone());
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new MapperException("Constructing " + type.getSimpleName() + " failed: " + e, e);
            }
        } else {
            value = java.util.Objects.requireNonNull(instantiator).newInstance();
            List<PropertyAccessor> accessors = java.util.Objects.requireNonNull(writers);
            for (int i = 0; i < values.length; i++) {
                accessors.get(i).set(value, values[i]);
            }
        }
        return value;
    }

    private @Nullable Object invokeReader(int index, Object value) {
        try {
            return (Object) readers[index].invokeExact(value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MapperException("Reading " + type.getSimpleName() + "." + components.get(index).name()
                    + " failed: " + e, e);
        }
    }
}
