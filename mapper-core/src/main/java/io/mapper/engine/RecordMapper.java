package io.mapper.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.function.Function;

import io.mapper.exception.ArgumentException;
import io.mapper.types.Conversions;

/**
 * Maps rows of one result shape onto a record's canonical constructor, matching columns to components by name
 * (exactly, ignoring case, or as snake_case for a camelCase component). Resolved once per result, not per row.
 */
final class RecordMapper<T> implements Function<Row, T> {

    private final Class<T> type;
    private final MethodHandle constructor;
    private final int[] columnIndexes;
    private final Class<?>[] componentTypes;
    private final String[] componentNames;

    private RecordMapper(Class<T> type, MethodHandle constructor, int[] columnIndexes, Class<?>[] componentTypes,
            String[] componentNames) {
        this.type = type;
        this.constructor = constructor;
        this.columnIndexes = columnIndexes;
        this.componentTypes = componentTypes;
        this.componentNames = componentNames;
    }

    static <T> RecordMapper<T> of(Class<T> type, RowShape shape) {
        if (!type.isRecord()) {
            throw new ArgumentException("into(" + type.getSimpleName() + ".class) maps rows onto records, and "
                    + type.getName() + " is not a record. Declare it as a record, or use map(row -> ...).");
        }
        RecordComponent[] components = type.getRecordComponents();
        int[] indexes = new int[components.length];
        Class<?>[] types = new Class<?>[components.length];
        String[] names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            names[i] = name;
            types[i] = components[i].getType();
            String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            if (shape.contains(name)) {
                indexes[i] = shape.indexOf(name);
            } else if (shape.contains(snake)) {
                indexes[i] = shape.indexOf(snake);
            } else {
                throw new ArgumentException("The record " + type.getSimpleName() + " has a component '" + name
                        + "' but the result has no column '" + name + "' or '" + snake + "'; its columns are "
                        + shape.labels() + ". Label the column in the query, or rename the component.");
            }
        }
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new RecordMapper<>(type, handle, indexes, types, names);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ArgumentException("Cannot call the canonical constructor of the record " + type.getName()
                    + ": " + e.getMessage() + ". Make the record accessible (not private to another class).", e);
        }
    }

    @Override
    public T apply(Row row) {
        Object[] arguments = new Object[columnIndexes.length];
        for (int i = 0; i < columnIndexes.length; i++) {
            Object value = Conversions.convert(row.get(columnIndexes[i]), componentTypes[i]);
            if (value == null && componentTypes[i].isPrimitive()) {
                throw new ArgumentException("The column for " + type.getSimpleName() + "." + componentNames[i]
                        + " is NULL, and the component is a primitive " + componentTypes[i] + ". Use its wrapper "
                        + "type (for example Integer) or COALESCE the column.");
            }
            arguments[i] = value;
        }
        try {
            return type.cast((Object) constructor.invokeExact(arguments));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ArgumentException("The constructor of " + type.getSimpleName() + " failed: " + e.getMessage(),
                    e);
        }
    }
}
