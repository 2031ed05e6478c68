package io.mapper.sql;


import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.types.SqlType;

/**
 * A value bound to a placeholder, with its SQL type. Its key ({@code name_1}) is assigned when a statement is
 * compiled, in traversal order, so the SQL depends only on the statement's structure.
 *
 * <p>Two parameters are equal when their base name and type are: the value is deliberately not part of equality,
 * which makes a statement a cache key for its compiled form. Immutable.
 *
 * <p>An <em>expanding</em> parameter holds the values of an {@code IN} as one list (SQLAlchemy's
 * {@code bindparam(..., expanding=True)}): it compiles to one marker that becomes a placeholder per value when the
 * statement runs, so {@code x IN (...)} has one compiled form however many values it is given.
 *
 * @param <T> the Java type of the value
 */
public final class BindParameter<T> implements Expression<T> {

    private final String baseName;
    private final SqlType<T> type;
    private final @Nullable Object value;    // a T, or for an expanding parameter a List of T
    private final boolean typed;
    private final boolean expanding;
    private int hash;    // memoised: a fresh statement's cache key hashes each of its parameters

    BindParameter(String baseName, SqlType<T> type, @Nullable T value, boolean typed) {
        this(baseName, type, value, typed, false);
    }

    private BindParameter(String baseName, SqlType<T> type, @Nullable Object value, boolean typed,
            boolean expanding) {
        this.baseName = baseName;
        this.type = type;
        this.value = value;
        this.typed = typed;
        this.expanding = expanding;
    }

    /** An expanding parameter holding {@code values}, each of type {@code type}; only IN builds one. */
    static <T> BindParameter<T> expanding(String baseName, SqlType<T> type, List<?> values, boolean typed) {
        return new BindParameter<>(baseName, type, List.copyOf(values), typed, true);
    }

    /** The prefix of the parameter's key: the column it is compared with, or {@code param}. */
    public String baseName() {
        return baseName;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The bound value; may be null. For an {@linkplain #expanding() expanding} parameter, see {@link #values()}. */
    @SuppressWarnings("unchecked")
    public @Nullable T value() {
        if (expanding) {
            throw new IllegalStateException(this + " is an expanding parameter of IN: read its values()");
        }
        return (T) value;
    }

    /**
     * Whether this parameter holds the values of an {@code IN} as one list, written as one placeholder per value
     * when the statement runs.
     */
    public boolean expanding() {
        return expanding;
    }

    /** The values of an expanding parameter, in order; a plain parameter's single value as a one-element list. */
    public List<?> values() {
        return expanding ? (List<?>) java.util.Objects.requireNonNull(value) : java.util.Collections.singletonList(value);
    }

    /** What the statement binds for this parameter: its value, or an expanding parameter's list. */
    @Nullable Object bound() {
        return value;
    }

    /** Whether the value is bound through its SQL type; untyped values use the dialect's generic binding. */
    public boolean typed() {
        return typed && !BuiltinTypes.isUntyped(type);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitBindParameter(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BindParameter<?> that && typed == that.typed && expanding == that.expanding
                && baseName.equals(that.baseName) && (type == that.type || type.equals(that.type));
    }

    @Override
    public int hashCode() {
        int known = hash;
        if (known == 0) {
            known = ((baseName.hashCode() * 31 + type.hashCode()) * 31 + Boolean.hashCode(typed)) * 31
                    + Boolean.hashCode(expanding);
            hash = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return expanding ? ":" + baseName + "[" + ((List<?>) java.util.Objects.requireNonNull(value)).size() + "]"
                : ":" + baseName;
    }
}
