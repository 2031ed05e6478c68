package io.mapper.orm.loading;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.state.WriteListener;

/**
 * The {@code Map} mapper puts into a {@code @MapKey} or {@code @MapKeyColumn} one-to-many: loads its elements on
 * first use when the relationship is lazy (keying each by its attribute or key column; of two elements with one key
 * the later wins, as in SQLAlchemy), sets the back-reference of a value {@code put} into it and clears it for a
 * value removed or replaced. Keeps insertion order. Not thread-safe, like the session it belongs to.
 *
 * @param <K> the key type
 * @param <V> the element type
 */
public final class PersistentMap<K, V> extends AbstractMap<K, V> implements PersistentCollection {

    private final Object owner;
    private final @Nullable CollectionLoader loader;
    private final Function<Object, @Nullable Object> keyOf;
    private final @Nullable Sync sync;
    private @Nullable LinkedHashMap<K, V> entries;
    /** The key each element had when last in the map: an element put back (a rollback) returns under it. */
    private final Map<Object, @Nullable Object> lastKeys = new IdentityHashMap<>();

    /** A loaded map with these entries; {@code keyOf} keys elements given without their key. */
    public PersistentMap(Object owner, Map<? extends K, ? extends V> initial, Function<Object, @Nullable Object> keyOf,
            @Nullable Sync sync) {
        this.owner = owner;
        this.loader = null;
        this.keyOf = keyOf;
        this.sync = sync;
        this.entries = new LinkedHashMap<>(initial);
    }

    /** An unloaded map that loads through {@code loader} on first use and keys the elements with {@code keyOf}. */
    public PersistentMap(Object owner, CollectionLoader loader, Function<Object, @Nullable Object> keyOf,
            @Nullable Sync sync) {
        this.owner = owner;
        this.loader = Objects.requireNonNull(loader, "loader");
        this.keyOf = keyOf;
        this.sync = sync;
        this.entries = null;
    }

    private LinkedHashMap<K, V> entries() {
        LinkedHashMap<K, V> current = entries;
        if (current == null) {
            loaded(Objects.requireNonNull(loader).load());
            current = Objects.requireNonNull(entries);
        }
        return current;
    }

    @Override
    public boolean isOwnedBy(Object entity) {
        return owner == entity;
    }

    @Override
    public boolean isLoaded() {
        return entries != null;
    }

    @Override
    public void replaced(List<?> elements) {
        loaded(elements);
        WriteListener.changed(owner);
    }

    /** Keys the elements: an element already in the map keeps its key, another gets its attribute's or column's. */
    @Override
    @SuppressWarnings("unchecked")
    public void loaded(List<?> elements) {
        LinkedHashMap<K, V> keyed = new LinkedHashMap<>();
        Map<Object, Object> previous = new IdentityHashMap<>();
        if (entries != null) {
            entries.forEach((key, value) -> previous.put(value, key));
        }
        for (Object element : elements) {
            Object key = previous.containsKey(element) ? previous.get(element)
                    : lastKeys.containsKey(element) ? lastKeys.get(element) : keyOf.apply(element);
            keyed.put((K) key, (V) element);
        }
        keyed.forEach((key, value) -> lastKeys.put(value, key));
        this.entries = keyed;
    }

    @Override
    public @Nullable Collection<?> loadedElements() {
        return entries == null ? null : new ArrayList<>(entries.values());
    }

    @Override
    public @Nullable V put(K key, V value) {
        V previous = entries().put(key, value);
        WriteListener.changed(owner);
        if (value != null) {
            lastKeys.put(value, key);
        }
        if (sync != null && previous != null && previous != value) {
            sync.removed(owner, previous);
        }
        if (sync != null && value != null) {
            sync.added(owner, value);
        }
        return previous;
    }

    @Override
    public @Nullable V remove(Object key) {
        LinkedHashMap<K, V> current = entries();
        if (!current.containsKey(key)) {
            return null;
        }
        V removed = current.remove(key);
        WriteListener.changed(owner);
        if (sync != null && removed != null) {
            sync.removed(owner, removed);
        }
        return removed;
    }

    @Override
    public @Nullable V get(Object key) {
        return entries().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries().containsKey(key);
    }

    @Override
    public int size() {
        return entries().size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> iterator = entries().entrySet().iterator();
                return new Iterator<>() {
                    private @Nullable Entry<K, V> last;

                    @Override
                    public boolean hasNext() {
                        return iterator.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        Entry<K, V> entry = iterator.next();
                        last = entry;
                        return new SimpleEntry<>(entry) {
                            @Override
                            public V setValue(V value) {
                                super.setValue(value);
                                return PersistentMap.this.put(entry.getKey(), value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        Entry<K, V> removed = Objects.requireNonNull(last, "next() first");
                        iterator.remove();
                        last = null;
                        WriteListener.changed(owner);
                        if (sync != null && removed.getValue() != null) {
                            sync.removed(owner, removed.getValue());
                        }
                    }
                };
            }

            @Override
            public int size() {
                return entries().size();
            }
        };
    }

    @Override
    public String toString() {
        return isLoaded() ? super.toString() : "{not loaded}";
    }
}
