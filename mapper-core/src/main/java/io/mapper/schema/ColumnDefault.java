package io.mapper.schema;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A column's client-side default: a fixed value or a supplier called once per inserted row, applied by mapper (not
 * the database) when an INSERT gives the column no value. Server-side defaults are {@link Column#serverDefault()}.
 *
 * @param <T> the Java type of the column
 */
public final class ColumnDefault<T> {

    private final @Nullable T value;
    private final @Nullable Supplier<? extends T> supplier;

    private ColumnDefault(@Nullable T value, @Nullable Supplier<? extends T> supplier) {
        this.value = value;
        this.supplier = supplier;
    }

    static <T> ColumnDefault<T> ofValue(@Nullable T value) {
        return new ColumnDefault<>(value, null);
    }

    static <T> ColumnDefault<T> ofSupplier(Supplier<? extends T> supplier) {
        return new ColumnDefault<>(null, Objects.requireNonNull(supplier, "supplier must not be null"));
    }

    /** Whether the default is computed per row (a supplier) rather than fixed. */
    public boolean isCallable() {
        return supplier != null;
    }

    /** The value for one new row: the fixed value, or the supplier's next value. */
    public @Nullable T next() {
        return supplier != null ? supplier.get() : value;
    }

    @Override
    public String toString() {
        return supplier != null ? "ColumnDefault[supplier]" : "ColumnDefault[" + value + "]";
    }
}
