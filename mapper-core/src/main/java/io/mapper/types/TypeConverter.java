package io.mapper.types;

import org.jspecify.annotations.Nullable;

/**
 * Converts between a Java type the database does not know and a value of a storage type it does: a money class
 * stored as NUMERIC, a list stored as JSON text. Used through {@link Types#converted(SqlType, Class, TypeConverter)}.
 * Null never reaches a converter: SQL NULL stays {@code null} in both directions.
 *
 * @param <T> the Java type the application uses
 * @param <S> the Java type of the storage type
 */
public interface TypeConverter<T, S> {

    /** The storage value for an application value. */
    S toStorage(T value);

    /** The application value for a storage value read from the database. */
    T fromStorage(S value);

    /** A converter from two functions. */
    static <T, S> TypeConverter<T, S> of(java.util.function.Function<? super S, ? extends T> read,
            java.util.function.Function<? super T, ? extends S> write) {
        return new TypeConverter<>() {
            @Override
            public S toStorage(T value) {
                return write.apply(value);
            }

            @Override
            public T fromStorage(S value) {
                return read.apply(value);
            }
        };
    }

    /**
     * Whether application values can change in place (a list or a document object), so that a session must keep a
     * copy of the loaded value to see a change: SQLAlchemy's mutable types, Hibernate's mutable mutability plan.
     * False by default: the value is replaced, never changed, as for a money value or an e-mail address.
     */
    default boolean mutable() {
        return false;
    }

    /**
     * Whether two storage values are the same value; {@code equals} by default. A JSON converter compares documents,
     * so a key order or spacing difference is no change.
     */
    default boolean sameStorage(S left, S right) {
        return left.equals(right);
    }

    /** Applies {@link #toStorage} unless the value is null. */
    default @Nullable S toStorageOrNull(@Nullable T value) {
        return value == null ? null : toStorage(value);
    }
}
