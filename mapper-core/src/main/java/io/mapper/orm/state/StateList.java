package io.mapper.orm.state;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * Instance states in the order they were added, with constant-time add and remove and no allocation per element:
 * the links live in the states themselves, so a state is in at most one list. A session keeps its tracked objects
 * here, so that everything it walks (the flush, a rollback) sees them in a stable order: loaded rows come in the
 * order the database returned them, which for most queries is key order. Not thread-safe.
 */
public final class StateList extends AbstractCollection<InstanceState> {

    private @Nullable InstanceState head;
    private @Nullable InstanceState tail;
    private int size;

    /** Appends {@code state} (taking it out of another list that holds it); a state already here keeps its place. */
    @Override
    public boolean add(InstanceState state) {
        if (state.list == this) {
            return false;
        }
        if (state.list != null) {
            state.list.remove(state);
        }
        state.list = this;
        state.previous = tail;
        state.next = null;
        if (tail == null) {
            head = state;
        } else {
            tail.next = state;
        }
        tail = state;
        size++;
        return true;
    }

    /** Removes {@code state} if this list holds it. */
    @Override
    public boolean remove(@Nullable Object element) {
        if (!(element instanceof InstanceState state) || state.list != this) {
            return false;
        }
        if (state.previous == null) {
            head = state.next;
        } else {
            state.previous.next = state.next;
        }
        if (state.next == null) {
            tail = state.previous;
        } else {
            state.next.previous = state.previous;
        }
        state.list = null;
        state.previous = null;
        state.next = null;
        size--;
        return true;
    }

    @Override
    public boolean contains(@Nullable Object element) {
        return element instanceof InstanceState state && state.list == this;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        InstanceState state = head;
        while (state != null) {
            InstanceState following = state.next;
            state.list = null;
            state.previous = null;
            state.next = null;
            state = following;
        }
        head = null;
        tail = null;
        size = 0;
    }

    /**
     * Empties the list without visiting its states (they keep their links to it and to each other): for a list that
     * will never hold them again, as a closed session's. {@link #clear()} unlinks each one.
     */
    public void abandon() {
        head = null;
        tail = null;
        size = 0;
    }

    /** Iterates in insertion order; removing the current element through the iterator is allowed. */
    @Override
    public Iterator<InstanceState> iterator() {
        return new Iterator<>() {
            private @Nullable InstanceState upcoming = head;
            private @Nullable InstanceState current;

            @Override
            public boolean hasNext() {
                return upcoming != null;
            }

            @Override
            public InstanceState next() {
                InstanceState state = upcoming;
                if (state == null) {
                    throw new NoSuchElementException();
                }
                current = state;
                upcoming = state.next;
                return state;
            }

            @Override
            public void remove() {
                if (current == null) {
                    throw new IllegalStateException("next() first");
                }
                StateList.this.remove(current);
                current = null;
            }
        };
    }
}
