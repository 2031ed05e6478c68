package io.mapper.orm;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * One row of an ORM query of several items, {@code select(Customer.class, Invoice.class, sum(Invoice_.total))}: the
 * entities (the session's instances) and values in the order selected. Immutable.
 */
public final class Tuple {

    private final @Nullable Object[] values;

    Tuple(@Nullable Object[] values) {
        this.values = values.clone();
    }

    /** The item at {@code index} (from 0). */
    public @Nullable Object get(int index) {
        return values[index];
    }

    /** The item at {@code index}, cast to {@code type}. */
    public <T> @Nullable T get(int index, Class<T> type) {
        return type.cast(values[index]);
    }

    /** The first entity (or value) of this type; raises when none is. */
    public <T> @Nullable T get(Class<T> type) {
        for (Object value : values) {
            if (type.isInstance(value)) {
                return type.cast(value);
            }
        }
        throw new ArgumentException("This row holds no " + type.getSimpleName() + " (it may be null, outer-joined): "
                + "use get(index, " + type.getSimpleName() + ".class).");
    }

    /** How many items the row holds. */
    public int size() {
        return values.length;
    }

    /** The items, in order. */
    public List<@Nullable Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tuple tuple && Arrays.equals(values, tuple.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tuple" + Arrays.toString(values);
    }
}
