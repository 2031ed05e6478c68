package io.mapper.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.sql.Expression;
import io.mapper.types.Conversions;

/**
 * One row of a result: values by 0-based position or by column label (case-insensitive), read eagerly so a row stays
 * valid after its result is closed. Immutable.
 */
public final class Row {

    private final RowShape shape;
    private final @Nullable Object[] values;

    Row(RowShape shape, @Nullable Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** The value at a 0-based position, as the driver returned it. */
    public @Nullable Object get(int index) {
        checkIndex(index);
        return values[index];
    }

    /** The value of the column with this label, as the driver returned it. */
    public @Nullable Object get(String label) {
        return values[shape.indexOf(label)];
    }

    /** The value at a 0-based position, converted to {@code type} (see {@link Conversions}). */
    public <T> @Nullable T get(int index, Class<T> type) {
        return Conversions.convert(get(index), type);
    }

    /** The value of the labelled column, converted to {@code type} (see {@link Conversions}). */
    public <T> @Nullable T get(String label, Class<T> type) {
        return Conversions.convert(get(label), type);
    }

    /**
     * The value of a selected column or expression, as its Java type: {@code row.get(customer.name)} is a
     * {@code String}. Found by position among the statement's columns (so two tables' {@code id} columns are told
     * apart), else by name.
     */
    public <T> @Nullable T get(Expression<T> expression) {
        return Conversions.convert(values[shape.indexOf(expression)], expression.type().javaType());
    }

    /** The number of columns. */
    public int size() {
        return values.length;
    }

    /** The column labels, in order. */
    public List<String> keys() {
        return shape.labels();
    }

    /** The values in column order, as an unmodifiable list. */
    public List<@Nullable Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** The row as an insertion-ordered map from label to value. */
    public Map<String, @Nullable Object> asMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>(values.length * 2);
        List<String> labels = shape.labels();
        for (int i = 0; i < values.length; i++) {
            map.putIfAbsent(labels.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    RowShape shape() {
        return shape;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= values.length) {
            throw new ArgumentException("Column index " + index + " is out of range: the row has " + values.length
                    + " columns " + shape.labels() + ", indexed from 0.");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && Arrays.equals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Row" + Arrays.toString(values);
    }
}
