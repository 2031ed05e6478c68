package io.mapper.types;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A value paired with the SQL type it must be bound as. A connection binds it through the dialect's implementation of
 * the type ({@code dialect.bindTyped(...)}), so a {@code UUID} lands in SQLite as text and an {@code OffsetDateTime}
 * in MariaDB as UTC. Compiled statements use it for parameters whose type is known; hand-written SQL can pass one
 * too: {@code text("... WHERE id = :id").bind("id", TypedValue.of(Types.UUID, id))}.
 *
 * @param type the type to bind the value as
 * @param value the value, possibly null
 * @param <T> the Java type of the value
 */
public record TypedValue<T>(SqlType<T> type, @Nullable T value) {

    public TypedValue {
        Objects.requireNonNull(type, "type must not be null");
    }

    /** A value bound as {@code type}. */
    public static <T> TypedValue<T> of(SqlType<T> type, @Nullable T value) {
        return new TypedValue<>(type, value);
    }

    /** The value alone, as a plain bound value would show in a log that is allowed to show values. */
    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
