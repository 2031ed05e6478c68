package io.mapper.orm.loading;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.state.WriteListener;

/**
 * The {@code Set} mapper puts into a mapped collection property; see {@link PersistentList}. Keeps insertion order.
 *
 * @param <E> the element type
 */
public final class PersistentSet<E> extends AbstractSet<E> implements PersistentCollection {

    private final Object owner;
    private final @Nullable CollectionLoader loader;
    private final @Nullable Sync sync;
    private @Nullable Set<E> elements;

    /** A loaded set with these elements. */
    public PersistentSet(Object owner, Collection<? extends E> initial, @Nullable Sync sync) {
        this.owner = owner;
        this.loader = null;
        this.sync = sync;
        this.elements = new LinkedHashSet<>(initial);
    }

    /** An unloaded set that loads through {@code loader} on first use. */
    public PersistentSet(Object owner, CollectionLoader loader, @Nullable Sync sync) {
        this.owner = owner;
        this.loader = Objects.requireNonNull(loader, "loader");
        this.sync = sync;
        this.elements = null;
    }

    @SuppressWarnings("unchecked")
    private Set<E> elements() {
        Set<E> current = elements;
        if (current == null) {
            current = new LinkedHashSet<>((List<E>) Objects.requireNonNull(loader).load());
            elements = current;
        }
        return current;
    }

    @Override
    public void replaced(List<?> newElements) {
        loaded(newElements);
        WriteListener.changed(owner);
    }

    @Override
    public boolean isOwnedBy(Object entity) {
        return owner == entity;
    }

    @Override
    public boolean isLoaded() {
        return elements != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loaded(List<?> loadedElements) {
        this.elements = new LinkedHashSet<>((List<E>) loadedElements);
    }

    @Override
    public @Nullable Collection<?> loadedElements() {
        return elements;
    }

    @Override
    public Iterator<E> iterator() {
        Iterator<E> iterator = elements().iterator();
        return new Iterator<>() {
            private @Nullable E last;

            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public E next() {
                last = iterator.next();
                return last;
            }

            @Override
            public void remove() {
                iterator.remove();
                WriteListener.changed(owner);
                if (sync != null && last != null) {
                    sync.removed(owner, last);
                }
            }
        };
    }

    @Override
    public boolean remove(Object element) {
        boolean removed = elements().remove(element);
        if (removed) {
            WriteListener.changed(owner);
        }
        if (removed && sync != null && element != null) {
            sync.removed(owner, element);
        }
        return removed;
    }

    @Override
    public int size() {
        return elements().size();
    }

    @Override
    public boolean add(E element) {
        boolean added = elements().add(element);
        if (added) {
            WriteListener.changed(owner);
        }
        if (added && sync != null && element != null) {
            sync.added(owner, element);
        }
        return added;
    }

    @Override
    public String toString() {
        return isLoaded() ? super.toString() : "[not loaded]";
    }
}
