package io.mapper.orm.state;

import org.jspecify.annotations.Nullable;

/**
 * What the ORM's internals need of a reference holder property ({@code io.mapper.orm.Ref}): whether it is loaded,
 * its object once loaded, the key it refers to while not, and re-pointing it. Implemented by {@code Ref}; the
 * mapping finds holder properties by this type, so the layers below the session API need not know {@code Ref}.
 *
 * @param <T> the related entity
 */
public interface ReferenceHolder<T> {

    /** Whether the related object is loaded (or known to be absent). */
    boolean isLoaded();

    /** The related object, loading it first if needed. */
    @Nullable T get();

    /** The related row's key while not loaded, else null. */
    @Nullable Object id();

    /** Points the reference at another object (or at nothing). */
    void set(@Nullable T value);
}
