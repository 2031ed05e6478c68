package io.mapper.orm;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A lazily loaded reference to one related object: declare {@code @ManyToOne Ref<Owner> owner} to load the owner
 * on the first {@link #get()} instead of with the referring object (a plain {@code Owner owner} field is always
 * loaded, from the identity map or by one batched query). Without bytecode instrumentation a plain field cannot
 * load on access; the holder makes the moment of loading explicit. Not thread-safe, like its session.
 *
 * <p>Comparing never loads: two unloaded references are equal when they refer to the same key, two loaded ones
 * when they hold the same object; a loaded and an unloaded reference are not equal ({@code get()} both to compare
 * the objects).
 *
 * @param <T> the related entity
 */
public final class Ref<T> implements io.mapper.orm.state.ReferenceHolder<T> {

    private @Nullable T value;
    private @Nullable Object id;
    private @Nullable Supplier<@Nullable T> loader;
    private boolean loaded;

    private Ref(@Nullable T value, @Nullable Object id, @Nullable Supplier<@Nullable T> loader, boolean loaded) {
        this.value = value;
        this.id = id;
        this.loader = loader;
        this.loaded = loaded;
    }

    /** A reference to {@code value} (or to nothing), already loaded. */
    public static <T> Ref<T> of(@Nullable T value) {
        return new Ref<>(value, null, null, true);
    }

    /** A reference to nothing. */
    public static <T> Ref<T> empty() {
        return new Ref<>(null, null, null, true);
    }

    /** A reference to the row with key {@code id}, loaded by {@code loader} on first {@link #get()}. */
    static <T> Ref<T> lazy(Object id, Supplier<@Nullable T> loader) {
        return new Ref<>(null, Objects.requireNonNull(id, "id"), Objects.requireNonNull(loader, "loader"), false);
    }

    /** The related object, loading it now if needed (which needs the session that loaded the owner to be open). */
    @Override
    public @Nullable T get() {
        if (!loaded) {
            value = Objects.requireNonNull(loader).get();
            loaded = true;
            loader = null;
        }
        return value;
    }

    /** Points the reference at another object (or at nothing). */
    @Override
    public void set(@Nullable T newValue) {
        this.value = newValue;
        this.id = null;
        this.loader = null;
        this.loaded = true;
    }

    /** Whether {@link #get()} would answer without loading. */
    @Override
    public boolean isLoaded() {
        return loaded;
    }

    /** The related row's key when the reference was loaded from the database and not loaded since, else null. */
    @Override
    public @Nullable Object id() {
        return loaded ? null : id;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Ref<?> that)) {
            return false;
        }
        if (!loaded && !that.loaded) {
            return Objects.equals(id, that.id);
        }
        return loaded && that.loaded && value == that.value;
    }

    @Override
    public int hashCode() {
        return loaded ? System.identityHashCode(value) : Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return loaded ? "Ref(" + value + ")" : "Ref(id=" + id + ", not loaded)";
    }
}
