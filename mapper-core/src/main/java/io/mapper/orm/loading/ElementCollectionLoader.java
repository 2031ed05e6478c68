package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.mapping.ElementCollectionMapping;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.state.InstanceState;
import io.mapper.schema.Column;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.types.Conversions;

/**
 * Loads element collections ({@code @ElementCollection}) of the objects one statement loaded: with one
 * {@code SELECT join, [order,] values FROM collection_table WHERE join IN (...)} per 500 owners
 * ({@code SELECT_IN}, also for {@code JOINED}), or by putting mapper's unloaded {@code Set}/{@code List} into the
 * property, which loads on first use ({@code LAZY}, the default) or raises ({@code RAISE}). Also reads and writes the
 * collection's snapshot: each element's row of values as it is in the database, which the flush compares with.
 */
public final class ElementCollectionLoader {

    /** Owners per SELECT ... IN; far below every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    private ElementCollectionLoader() {
    }

    /** Loads the element collections of {@code fresh} objects at {@code path} as the plan and mappings say. */
    static void loadAll(LoadPass pass, List<InstanceState> fresh, List<String> path) {
        Map<ElementCollectionMapping, List<InstanceState>> owners = new LinkedHashMap<>();
        for (InstanceState state : fresh) {
            // Objects of a hierarchy each have their own class's collections.
            for (ElementCollectionMapping collection : ((Mapper<?>) state.mapper()).elementCollections()) {
                owners.computeIfAbsent(collection, unused -> new ArrayList<>()).add(state);
            }
        }
        for (Map.Entry<ElementCollectionMapping, List<InstanceState>> entry : owners.entrySet()) {
            ElementCollectionMapping collection = entry.getKey();
            FetchStrategy strategy = pass.plan().strategy(StatementLoad.append(path, collection.name()),
                    collection.fetch());
            load(pass, collection, entry.getValue(), strategy);
        }
    }

    private static void load(LoadPass pass, ElementCollectionMapping collection, List<InstanceState> owners,
            FetchStrategy strategy) {
        switch (strategy) {
            case LAZY -> {
                for (InstanceState state : owners) {
                    setUnloaded(state, collection, () -> loadLazily(pass, state, collection));
                }
            }
            case RAISE -> {
                for (InstanceState state : owners) {
                    setUnloaded(state, collection, () -> {
                        throw new InvalidRequestException(collection + " of " + state.key() + " is not loaded and "
                                + "its loading strategy is RAISE. Load it with the query: options(selectInLoad(\""
                                + collection.name() + "\")), or change the strategy.");
                    });
                }
            }
            default -> {
                Map<InstanceState, List<Object>> elements = fetch(pass.context(), collection, owners);
                for (InstanceState state : owners) {
                    setLoaded(state, collection, elements.getOrDefault(state, List.of()));
                }
            }
        }
    }

    private static List<Object> loadLazily(LoadPass pass, InstanceState state, ElementCollectionMapping collection) {
        pass.loader().countLazyLoad(state, collection, collection.name(), pass.origin());
        pass.context().lazyLoaded(state, collection.name());
        List<Object> elements = fetch(pass.context(), collection, List.of(state)).getOrDefault(state, List.of());
        snapshot(state, collection, elements);
        return elements;
    }

    /**
     * The elements of each owner's collection, with one SELECT ... IN per chunk of owners: an ordered list in its
     * order column's order, a set or a bag in value order (a bag keeps no order of its own).
     */
    public static Map<InstanceState, List<Object>> fetch(LoadContext context, ElementCollectionMapping collection,
            List<InstanceState> owners) {
        Mapper<?> owner = collection.owner();
        Class<?> keyType = owner.primaryKey().get(0).column().type().javaType();
        Map<Object, InstanceState> byKey = new LinkedHashMap<>();
        for (InstanceState state : owners) {
            byKey.put(Conversions.convert(Objects.requireNonNull(state.key()).id(), keyType), state);
        }
        Column<?> join = collection.joinColumn();
        Column<?> order = collection.orderColumn();
        List<Object> columns = new ArrayList<>();
        columns.add(join);
        columns.addAll(collection.valueColumns());
        List<ClauseElement> orderBy = new ArrayList<>();
        orderBy.add(join.asc());
        if (order != null) {
            orderBy.add(order.asc());
        } else {
            collection.valueColumns().forEach(value -> orderBy.add(value.asc()));
        }
        int width = collection.valueColumns().size();
        Map<InstanceState, List<Object>> result = new IdentityHashMap<>();
        List<Object> keys = new ArrayList<>(byKey.keySet());
        for (int start = 0; start < keys.size(); start += IN_CHUNK) {
            List<Object> chunk = keys.subList(start, Math.min(keys.size(), start + IN_CHUNK));
            Select select = Sql.select(columns.toArray()).from(collection.table()).where(join.in(chunk))
                    .orderBy(orderBy.toArray(ClauseElement[]::new));
            for (Row row : context.execute(select, owner.entityName())) {
                InstanceState state = byKey.get(Conversions.convert(row.get(0), keyType));
                if (state == null) {
                    continue;
                }
                List<@Nullable Object> values = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    values.add(row.get(1 + i));
                }
                result.computeIfAbsent(state, unused -> new ArrayList<>()).add(collection.element(values));
            }
        }
        return result;
    }

    /** Puts mapper's loaded collection of {@code elements} into the owner's property and records the snapshot. */
    public static void setLoaded(InstanceState state, ElementCollectionMapping collection, List<Object> elements) {
        Object owner = state.entity();
        collection.accessor().set(owner, collection.isSet() ? new PersistentSet<>(owner, elements, null)
                : new PersistentList<>(owner, elements, null));
        snapshot(state, collection, elements);
    }

    private static void setUnloaded(InstanceState state, ElementCollectionMapping collection,
            CollectionLoader loader) {
        Object owner = state.entity();
        collection.accessor().set(owner, collection.isSet() ? new PersistentSet<>(owner, loader, null)
                : new PersistentList<>(owner, loader, null));
        clearSnapshot(state, collection);
    }

    /** Forgets the snapshot of an unloaded collection: nothing is known about its rows. */
    private static void clearSnapshot(InstanceState state, ElementCollectionMapping collection) {
        Map<Object, List<Object>> snapshots = state.collectionSnapshots();
        if (snapshots != null && snapshots.remove(collection) != null) {
            state.restoreCollectionSnapshots(snapshots);
        }
    }

    /** Records the rows of {@code elements} as the collection's database content. */
    public static void snapshot(InstanceState state, ElementCollectionMapping collection,
            Collection<?> elements) {
        List<Object> rows = new ArrayList<>(elements.size());
        for (Object element : elements) {
            rows.add(collection.snapshotRow(element));
        }
        state.collectionSnapshot(collection, rows);
    }

    /** The rows of the collection's snapshot (each a list of value-column values), or null when there is none. */
    @SuppressWarnings("unchecked")
    public static @Nullable List<List<@Nullable Object>> snapshotRows(InstanceState state,
            ElementCollectionMapping collection) {
        List<Object> rows = state.collectionSnapshot(collection);
        return rows == null ? null : (List<List<@Nullable Object>>) (List<?>) rows;
    }

    /**
     * The elements the property holds now, without loading: null when it is mapper's unloaded collection, empty when
     * the property is null.
     */
    public static @Nullable List<Object> current(InstanceState state, ElementCollectionMapping collection) {
        Object value = collection.accessor().get(state.entity());
        if (value == null) {
            return List.of();
        }
        if (value instanceof PersistentCollection persistent && !persistent.isLoaded()) {
            return null;
        }
        return new ArrayList<>((Collection<?>) value);
    }

    /**
     * Puts the collection's snapshot back into the property (a rollback): mapper's loaded collection of the snapshot's
     * elements, rebuilt from their rows; an unloaded collection is left as it is.
     */
    public static void restore(InstanceState state, ElementCollectionMapping collection) {
        List<List<@Nullable Object>> rows = snapshotRows(state, collection);
        Object value = collection.accessor().get(state.entity());
        if (rows == null || value instanceof PersistentCollection persistent && !persistent.isLoaded()) {
            return;
        }
        if (value instanceof Collection<?> current && sameContent(collection, current, rows)) {
            return;    // unchanged: the elements stay the same objects
        }
        List<Object> elements = new ArrayList<>(rows.size());
        for (List<@Nullable Object> row : rows) {
            elements.add(collection.element(row));
        }
        if (value instanceof PersistentCollection persistent) {
            persistent.loaded(elements);
        } else {
            Object owner = state.entity();
            collection.accessor().set(owner, collection.isSet() ? new PersistentSet<>(owner, elements, null)
                    : new PersistentList<>(owner, elements, null));
        }
    }

    /** Whether a collection holds the rows of a snapshot, in the same order. */
    private static boolean sameContent(ElementCollectionMapping collection, Collection<?> current,
            List<List<@Nullable Object>> rows) {
        if (current.size() != rows.size()) {
            return false;
        }
        int i = 0;
        for (Object element : current) {
            if (element == null || !collection.sameRow(collection.row(element), rows.get(i++))) {
                return false;
            }
        }
        return true;
    }
}
