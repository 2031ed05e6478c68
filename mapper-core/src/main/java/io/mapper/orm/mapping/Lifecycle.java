package io.mapper.orm.mapping;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.annotation.AfterDelete;
import io.mapper.orm.annotation.AfterInsert;
import io.mapper.orm.annotation.AfterLoad;
import io.mapper.orm.annotation.AfterUpdate;
import io.mapper.orm.annotation.BeforeDelete;
import io.mapper.orm.annotation.BeforeInsert;
import io.mapper.orm.annotation.BeforeUpdate;
import io.mapper.orm.annotation.Validates;

/**
 * An entity's own life-cycle methods ({@code @BeforeInsert} ... {@code @AfterLoad}) and attribute validators
 * ({@code @Validates}), found once when the mapper is built and called through method handles. Immutable and
 * thread-safe.
 */
public final class Lifecycle {

    /** The events an entity method can hear; SQLAlchemy's mapper events of the same names. */
    public enum Event {
        BEFORE_INSERT(BeforeInsert.class), AFTER_INSERT(AfterInsert.class), BEFORE_UPDATE(BeforeUpdate.class),
        AFTER_UPDATE(AfterUpdate.class), BEFORE_DELETE(BeforeDelete.class), AFTER_DELETE(AfterDelete.class),
        AFTER_LOAD(AfterLoad.class);

        private final Class<? extends Annotation> annotation;

        Event(Class<? extends Annotation> annotation) {
            this.annotation = annotation;
        }
    }

    /** One {@code @Validates} method for one property: called with the value, or the property name and the value. */
    private record Validator(String method, MethodHandle handle, boolean withName, boolean returnsValue) {
    }

    static final Lifecycle NONE = new Lifecycle(new EnumMap<>(Event.class), Map.of());

    private final Map<Event, List<MethodHandle>> callbacks;
    private final Map<PropertyMapping, List<Validator>> validators;

    private Lifecycle(Map<Event, List<MethodHandle>> callbacks, Map<PropertyMapping, List<Validator>> validators) {
        this.callbacks = callbacks;
        this.validators = validators;
    }

    /** Reads the annotated methods of {@code type} and its superclasses (superclass methods first). */
    static Lifecycle of(Class<?> type, Map<String, PropertyMapping> properties) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            hierarchy.add(current);
        }
        Collections.reverse(hierarchy);
        Map<Event, List<MethodHandle>> callbacks = new EnumMap<>(Event.class);
        Map<PropertyMapping, List<Validator>> validators = new java.util.LinkedHashMap<>();
        try {
            for (Class<?> owner : hierarchy) {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
                for (Method method : owner.getDeclaredMethods()) {
                    if (method.isSynthetic() || method.isBridge()) {
                        continue;
                    }
                    for (Event event : Event.values()) {
                        if (method.isAnnotationPresent(event.annotation)) {
                            requireInstanceMethod(type, method, "@" + event.annotation.getSimpleName(), 0);
                            callbacks.computeIfAbsent(event, unused -> new ArrayList<>()).add(lookup.unreflect(method));
                        }
                    }
                    Validates validates = method.getAnnotation(Validates.class);
                    if (validates != null) {
                        addValidator(type, method, validates, lookup, properties, validators);
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new MappingException(type, "its life-cycle methods cannot be accessed (" + e.getMessage() + ").",
                    "Open its package to mapper, or make the methods public.");
        }
        if (callbacks.isEmpty() && validators.isEmpty()) {
            return NONE;
        }
        callbacks.replaceAll((event, handles) -> List.copyOf(handles));
        validators.replaceAll((property, list) -> List.copyOf(list));
        return new Lifecycle(callbacks, Collections.unmodifiableMap(validators));
    }

    private static void addValidator(Class<?> type, Method method, Validates validates, MethodHandles.Lookup lookup,
            Map<String, PropertyMapping> properties, Map<PropertyMapping, List<Validator>> validators)
            throws IllegalAccessException {
        int count = method.getParameterCount();
        if (count != 1 && count != 2 || count == 2 && method.getParameterTypes()[0] != String.class) {
            throw new MappingException(type, method.getName() + "()", "an @Validates method takes the value, or "
                    + "the property name (a String) and the value.", "Change its parameters.");
        }
        requireInstanceMethod(type, method, "@Validates", count);
        MethodHandle handle = lookup.unreflect(method);
        boolean returnsValue = method.getReturnType() != void.class;
        for (String name : validates.value()) {
            PropertyMapping property = properties.get(name);
            if (property == null) {
                throw new MappingException(type, method.getName() + "()", "@Validates names \"" + name + "\", which "
                        + "is not a mapped column property.", "Use one of " + properties.keySet() + ".");
            }
            validators.computeIfAbsent(property, unused -> new ArrayList<>())
                    .add(new Validator(method.getName(), handle, count == 2, returnsValue));
        }
    }

    private static void requireInstanceMethod(Class<?> type, Method method, String annotation, int parameters) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != parameters) {
            throw new MappingException(type, method.getName() + "()", "an " + annotation + " method must be an "
                    + "instance method taking " + (parameters == 0 ? "no arguments." : "the value."),
                    "Change its signature.");
        }
    }

    /** Whether the entity has a method for {@code event}. */
    public boolean has(Event event) {
        return callbacks.containsKey(event);
    }

    /** Whether the entity has {@code @Validates} methods. */
    public boolean hasValidators() {
        return !validators.isEmpty();
    }

    /** The properties that have validators. */
    public java.util.Set<PropertyMapping> validatedProperties() {
        return validators.keySet();
    }

    /** Calls the entity's methods for {@code event}; what they throw is thrown as it is (checked ones wrapped). */
    public void fire(Event event, Object entity) {
        List<MethodHandle> handles = callbacks.get(event);
        if (handles == null) {
            return;
        }
        for (MethodHandle handle : handles) {
            try {
                handle.invoke(entity);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new InvalidRequestException("A " + event + " method of " + entity.getClass().getName()
                        + " threw " + e, e);
            }
        }
    }

    /**
     * Runs the validators of {@code property} on its current value, storing what they return; a validator's
     * exception becomes a {@link ValidationException} naming {@code object} and the property.
     */
    @SuppressWarnings("unchecked")
    public <E> void validate(Mapper<E> mapper, Object entity, PropertyMapping property, String object) {
        List<Validator> list = validators.get(property);
        if (list == null) {
            return;
        }
        E typed = (E) entity;
        for (Validator validator : list) {
            @Nullable Object value = mapper.value(typed, property);
            Object result;
            try {
                result = validator.withName() ? validator.handle().invoke(entity, property.path(), value)
                        : validator.handle().invoke(entity, value);
            } catch (Throwable e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new ValidationException(entity, object, List.of(new ValidationException.Violation(
                        property.path(), why + " (" + validator.method() + ")")), e);
            }
            if (validator.returnsValue()) {
                mapper.setValue(typed, property, result);
            }
        }
    }
}
