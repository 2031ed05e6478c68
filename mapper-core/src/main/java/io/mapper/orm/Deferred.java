package io.mapper.orm;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A deferred column's value, loaded on its first {@link #get()}: declare {@code @Column(deferred = true)
 * Deferred<String> body} to leave a large column out of the entity's SELECTs and load it through the session when
 * read (SQLAlchemy's {@code deferred()} column; a plain field cannot load on access without bytecode
 * instrumentation, as {@link Ref} explains for references). A query may also defer or undefer it
 * ({@code Orm.defer}, {@code Orm.undefer}, {@code Orm.loadOnly}). Not thread-safe, like its session.
 *
 * <p>{@link #set} replaces the value without loading it; the flush writes it. Equality is by value once loaded,
 * and never loads.
 *
 * @param <T> the column's Java type
 */
public final class Deferred<T> implements io.mapper.orm.state.DeferredHolder<T> {

    private @Nullable T value;
    private @Nullable Supplier<@Nullable T> loader;
    private boolean loaded;

    private Deferred(@Nullable T value, @Nullable Supplier<@Nullable T> loader, boolean loaded) {
        this.value = value;
        this.loader = loader;
        this.loaded = loaded;
    }

    /** A loaded value (for a new object, or a value known in advance). */
    public static <T> Deferred<T> of(@Nullable T value) {
        return new Deferred<>(value, null, true);
    }

    /** An unloaded value that {@code loader} (the session) loads on first {@link #get()}. */
    static <T> Deferred<T> unloaded(Supplier<@Nullable T> loader) {
        return new Deferred<>(null, Objects.requireNonNull(loader, "loader"), false);
    }

    /**
     * The value, loaded now with one SELECT of the column by primary key if needed; raises when the column's loading
     * is RAISE, or when its object's session is closed ({@code DetachedInstanceException}).
     */
    @Override
    public @Nullable T get() {
        if (!loaded) {
            T loadedValue = Objects.requireNonNull(loader).get();
            value = loadedValue;
            loaded = true;
        }
        return value;
    }

    /** Replaces the value without loading the old one; the next flush writes it. */
    @Override
    public void set(@Nullable T newValue) {
        this.value = newValue;
        this.loaded = true;
    }

    /** Whether {@link #get()} answers without a query. */
    @Override
    public boolean isLoaded() {
        return loaded;
    }

    /** Forgets the value so that the next {@link #get()} loads it again (after a rollback or expiry). */
    @Override
    public boolean unload() {
        if (loader == null) {
            return false;
        }
        value = null;
        loaded = false;
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Deferred<?> that && loaded && that.loaded && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return loaded ? Objects.hashCode(value) : 0;
    }

    @Override
    public String toString() {
        return loaded ? "Deferred(" + value + ")" : "Deferred(not loaded)";
    }
}
