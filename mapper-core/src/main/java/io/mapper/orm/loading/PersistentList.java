package io.mapper.orm.loading;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.state.WriteListener;

/**
 * The {@code List} mapper puts into a mapped collection property: loads its elements on first use when the
 * relationship is lazy, and keeps back-references of elements you add or remove ({@code user.getAddresses().add(address)}
 * sets {@code address.user}, {@code remove} clears it). Not thread-safe, like the session it belongs to.
 *
 * @param <E> the element type
 */
public final class PersistentList<E> extends AbstractList<E> implements PersistentCollection {

    private final Object owner;
    private final @Nullable CollectionLoader loader;
    private final @Nullable Sync sync;
    private @Nullable List<E> elements;

    /** A loaded list with these elements. */
    public PersistentList(Object owner, Collection<? extends E> initial, @Nullable Sync sync) {
        this.owner = owner;
        this.loader = null;
        this.sync = sync;
        this.elements = new ArrayList<>(initial);
    }

    /** An unloaded list that loads through {@code loader} on first use. */
    public PersistentList(Object owner, CollectionLoader loader, @Nullable Sync sync) {
        this.owner = owner;
        this.loader = Objects.requireNonNull(loader, "loader");
        this.sync = sync;
        this.elements = null;
    }

    @SuppressWarnings("unchecked")
    private List<E> elements() {
        List<E> current = elements;
        if (current == null) {
            current = new ArrayList<>((List<E>) Objects.requireNonNull(loader).load());
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
        this.elements = new ArrayList<>((List<E>) loadedElements);
    }

    @Override
    public @Nullable Collection<?> loadedElements() {
        return elements;
    }

    @Override
    public E get(int index) {
        return elements().get(index);
    }

    @Override
    public int size() {
        return elements().size();
    }

    @Override
    public E set(int index, E element) {
        E previous = elements().set(index, element);
        WriteListener.changed(owner);
        if (sync != null && previous != null && previous != element) {
            sync.removed(owner, previous);
        }
        if (sync != null && element != null) {
            sync.added(owner, element);
        }
        return previous;
    }

    @Override
    public void add(int index, E element) {
        elements().add(index, element);
        WriteListener.changed(owner);
        if (sync != null && element != null) {
            sync.added(owner, element);
        }
    }

    @Override
    public E remove(int index) {
        E removed = elements().remove(index);
        WriteListener.changed(owner);
        if (sync != null && removed != null) {
            sync.removed(owner, removed);
        }
        return removed;
    }

    @Override
    public String toString() {
        return isLoaded() ? super.toString() : "[not loaded]";
    }
}
