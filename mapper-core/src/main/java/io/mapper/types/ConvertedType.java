package io.mapper.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A user-defined type: values of {@code T} stored as a built-in {@code storage} type through a
 * {@link TypeConverter}. DDL and the dialect's storage choices come from the storage type; only the conversion is
 * the user's. Equal when storage, Java type and converter are. Immutable and thread-safe if the converter is.
 *
 * @param <T> the Java type the application uses
 * @param <S> the Java type of the storage type
 */
public final class ConvertedType<T, S> implements SqlType<T> {

    private final SqlType<S> storage;
    private final Class<T> javaType;
    private final TypeConverter<T, S> converter;

    ConvertedType(SqlType<S> storage, Class<T> javaType, TypeConverter<T, S> converter) {
        this.storage = Objects.requireNonNull(storage, "storage type must not be null");
        this.javaType = Objects.requireNonNull(javaType, "javaType must not be null");
        this.converter = Objects.requireNonNull(converter, "converter must not be null");
    }

    /** The type the values are stored as. */
    public SqlType<S> storage() {
        return storage;
    }

    /** The conversion between application and storage values. */
    public TypeConverter<T, S> converter() {
        return converter;
    }

    /** The same conversion over another implementation of the storage type (a dialect's variant of it). */
    public ConvertedType<T, S> withStorage(SqlType<S> resolvedStorage) {
        return new ConvertedType<>(resolvedStorage, javaType, converter);
    }

    /**
     * A copy of {@code value} that later changes made in place to {@code value} do not reach: the value itself for
     * an immutable converter, a round trip through the storage value for a {@link TypeConverter#mutable() mutable}
     * one (SQLAlchemy's {@code TypeEngine.copy_value}).
     */
    public @Nullable T copyValue(@Nullable T value) {
        if (value == null || !converter.mutable()) {
            return value;
        }
        return converter.fromStorage(converter.toStorage(value));
    }

    /**
     * Whether two application values are stored as the same value: equal, or equal once converted (SQLAlchemy's
     * {@code TypeEngine.compare_values}); so a value class without {@code equals} is not seen as changed.
     */
    public boolean compareValues(@Nullable T left, @Nullable T right) {
        if (left == right) {
            return true;
        }
        if (left == null || right == null) {
            return false;
        }
        if (left.equals(right)) {
            return true;
        }
        S leftStored = converter.toStorage(left);
        S rightStored = converter.toStorage(right);
        if (leftStored instanceof java.math.BigDecimal a && rightStored instanceof java.math.BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (leftStored instanceof byte[] a && rightStored instanceof byte[] b) {
            return java.util.Arrays.equals(a, b);
        }
        return converter.sameStorage(leftStored, rightStored);
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public int jdbcType() {
        return storage.jdbcType();
    }

    @Override
    public String name() {
        return storage.name();
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable T value) throws SQLException {
        storage.bind(statement, index, converter.toStorageOrNull(value));
    }

    @Override
    public @Nullable T read(ResultSet resultSet, int index) throws SQLException {
        S stored = storage.read(resultSet, index);
        return stored == null ? null : converter.fromStorage(stored);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConvertedType<?, ?> that && storage.equals(that.storage)
                && javaType == that.javaType && converter.equals(that.converter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storage, javaType, converter);
    }

    @Override
    public String toString() {
        return javaType.getSimpleName() + " as " + storage.name();
    }
}
