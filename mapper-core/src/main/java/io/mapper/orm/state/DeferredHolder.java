package io.mapper.orm.state;

import org.jspecify.annotations.Nullable;

/**
 * What the ORM's internals need of a deferred column holder property ({@code io.mapper.orm.Deferred}): whether its
 * value is loaded, the value, and putting it back to unloaded after a rollback or expiry. The mapping finds holder
 * properties by this type, as it finds {@link ReferenceHolder}s.
 *
 * @param <T> the column's Java type
 */
public interface DeferredHolder<T> {

    /** Whether the value is loaded (or was set by the application). */
    boolean isLoaded();

    /** The value, loading it first if needed. */
    @Nullable T get();

    /** Sets the value; it is written at the next flush when it differs from the database's. */
    void set(@Nullable T value);

    /** Forgets the value, so the next {@link #get()} loads it again; false when the holder cannot load itself. */
    boolean unload();
}
