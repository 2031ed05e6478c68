package io.mapper.sql;


import org.jspecify.annotations.Nullable;

import io.mapper.types.SqlType;

/**
 * A value bound to a placeholder, with its SQL type. Its key ({@code name_1}) is assigned when a statement is
 * compiled, in traversal order, so the SQL depends only on the statement's structure.
 *
 * <p>Two parameters are equal when their base name and type are: the value is deliberately not part of equality,
 * which makes a statement a cache key for its compiled form. Immutable.
 *
 * @param <T> the Java type of the value
 */
public final class BindParameter<T> implements Expression<T> {

    private final String baseName;
    private final SqlType<T> type;
    private final @Nullable T value;
    private final boolean typed;
    private int hash;    // memoised: a fresh statement's cache key hashes each of its parameters

    BindParameter(String baseName, SqlType<T> type, @Nullable T value, boolean typed) {
        this.baseName = baseName;
        this.type = type;
        this.value = value;
        this.typed = typed;
    }

    /** The prefix of the parameter's key: the column it is compared with, or {@code param}. */
    public String baseName() {
        return baseName;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The bound value; may be null. */
    public @Nullable T value() {
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
        return other instanceof BindParameter<?> that && typed == that.typed && baseName.equals(that.baseName)
                && (type == that.type || type.equals(that.type));
    }

    @Override
    public int hashCode() {
        int known = hash;
        if (known == 0) {
            known = (baseName.hashCode() * 31 + type.hashCode()) * 31 + Boolean.hashCode(typed);
            hash = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return ":" + baseName;
    }
}
