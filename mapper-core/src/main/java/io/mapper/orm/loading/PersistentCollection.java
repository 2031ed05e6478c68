package io.mapper.orm.loading;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What mapper's own collections have in common: they may be unloaded (loaded on first use through their session),
 * and adding an element keeps the other side of a bidirectional relationship in sync.
 */
public interface PersistentCollection {

    /** Whether the elements are loaded. */
    boolean isLoaded();

    /** Fills the collection with loaded elements, without syncing back-references (they are loaded too). */
    void loaded(List<?> elements);

    /**
     * Replaces the elements without syncing back-references (the other side is right already), as a change: the
     * owner's session is told of it ({@link io.mapper.orm.state.WriteListener#changed}), where {@link #loaded}
     * records what was loaded.
     */
    void replaced(List<?> elements);

    /** Whether {@code entity} is the object whose property this collection is. */
    boolean isOwnedBy(Object entity);

    /** The elements, without loading them: null when unloaded. */
    @Nullable Collection<?> loadedElements();

    /** Hears elements added to or removed from a collection, to keep back-references in sync. */
    interface Sync {
        /** {@code element} was added to the collection of {@code owner}. */
        void added(Object owner, Object element);

        /** {@code element} was removed from the collection of {@code owner}. */
        default void removed(Object owner, Object element) {
        }
    }
}
