package io.mapper.orm.unitofwork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Connection;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.loading.ElementCollectionLoader;
import io.mapper.orm.loading.PersistentList;
import io.mapper.orm.loading.PersistentSet;
import io.mapper.orm.mapping.ElementCollectionMapping;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.state.InstanceState;
import io.mapper.schema.Column;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Condition;
import io.mapper.sql.Executable;
import io.mapper.sql.Sql;

/**
 * The flush-time work of element collections ({@code @ElementCollection}): compares each loaded collection's rows
 * with its snapshot (by value) and turns the difference into the fewest rows to write. A set deletes the rows of
 * removed values and inserts those of added ones; an ordered list deletes the rows from the first changed position
 * on and inserts the new tail; a bag (a list without an order column, whose rows cannot be told apart) inserts
 * appended elements, and otherwise deletes all the owner's rows and inserts them again, as Hibernate recreates a
 * bag. A collection replaced while unloaded is recreated too. Rows are deleted before the owners' DELETEs and
 * inserted after the owners' INSERTs (when generated keys are known), batched per collection. Only the
 * {@link UnitOfWork} calls it.
 */
final class ElementCollectionProcessor {

    /** What one owner's collection needs written: rows to delete (a whole owner, a tail, or by value), then to insert. */
    record Change(InstanceState owner, ElementCollectionMapping collection, boolean deleteAll, int deleteFrom,
            List<List<@Nullable Object>> deleteRows, List<List<@Nullable Object>> insertRows, int insertFrom) {
    }

    private ElementCollectionProcessor() {
    }

    /**
     * Notes the changes of a live owner's loaded element collections in the flush, refusing a null element before
     * anything is written.
     */
    static void scan(FlushContext flush, InstanceState owner) {
        for (ElementCollectionMapping collection : ((Mapper<?>) owner.mapper()).elementCollections()) {
            Change change = change(owner, collection);
            if (change != null) {
                flush.elementChanges.add(change);
                flush.snapshotOwners.add(owner);
            }
        }
    }

    /** Whether any loaded element collection of the object differs from what the database holds. */
    static boolean isModified(InstanceState owner) {
        for (ElementCollectionMapping collection : ((Mapper<?>) owner.mapper()).elementCollections()) {
            if (change(owner, collection) != null) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Change change(InstanceState owner, ElementCollectionMapping collection) {
        List<Object> current = ElementCollectionLoader.current(owner, collection);
        if (current == null) {
            return null;    // never loaded: nothing changed that the flush could see
        }
        List<List<@Nullable Object>> rows = new ArrayList<>(current.size());
        for (Object element : current) {
            List<@Nullable Object> row = element == null ? null : collection.row(element);
            if (row == null || collection.isSet() && row.contains(null)) {
                throw new InvalidRequestException(describe(owner) + "." + collection.name() + " holds "
                        + (row == null ? "a null element" : "an element with a null value (" + element + "), which "
                        + "a set's rows are keyed by") + ", and its collection table '" + collection.table().name()
                        + "' cannot store it. Remove it before the flush.");
            }
            rows.add(row);
        }
        List<List<@Nullable Object>> snapshot = ElementCollectionLoader.snapshotRows(owner, collection);
        if (snapshot == null) {
            // A new owner inserts every row; a persistent one whose unloaded collection was replaced recreates them.
            boolean persistent = owner.committed() != null;
            return rows.isEmpty() && !persistent ? null
                    : new Change(owner, collection, persistent, -1, List.of(), rows, 0);
        }
        return switch (collection.kind()) {
            case SET -> setChange(owner, collection, rows, snapshot);
            case ORDERED_LIST -> listChange(owner, collection, rows, snapshot);
            case BAG -> bagChange(owner, collection, rows, snapshot);
        };
    }

    private static @Nullable Change setChange(InstanceState owner, ElementCollectionMapping collection,
            List<List<@Nullable Object>> rows, List<List<@Nullable Object>> snapshot) {
        List<List<@Nullable Object>> added = minus(collection, rows, snapshot);
        List<List<@Nullable Object>> removed = minus(collection, snapshot, rows);
        return added.isEmpty() && removed.isEmpty() ? null
                : new Change(owner, collection, false, -1, removed, added, 0);
    }

    private static @Nullable Change listChange(InstanceState owner, ElementCollectionMapping collection,
            List<List<@Nullable Object>> rows, List<List<@Nullable Object>> snapshot) {
        int same = commonPrefix(collection, rows, snapshot);
        if (same == rows.size() && same == snapshot.size()) {
            return null;
        }
        return new Change(owner, collection, false, same < snapshot.size() ? same : -1, List.of(),
                rows.subList(same, rows.size()), same);
    }

    private static @Nullable Change bagChange(InstanceState owner, ElementCollectionMapping collection,
            List<List<@Nullable Object>> rows, List<List<@Nullable Object>> snapshot) {
        int same = commonPrefix(collection, rows, snapshot);
        if (same == snapshot.size()) {
            // Only appended: the new rows are inserted, the others stay.
            return same == rows.size() ? null
                    : new Change(owner, collection, false, -1, List.of(), rows.subList(same, rows.size()), same);
        }
        return new Change(owner, collection, true, -1, List.of(), rows, 0);
    }

    private static int commonPrefix(ElementCollectionMapping collection, List<List<@Nullable Object>> rows,
            List<List<@Nullable Object>> snapshot) {
        int same = 0;
        while (same < rows.size() && same < snapshot.size() && collection.sameRow(rows.get(same), snapshot.get(same))) {
            same++;
        }
        return same;
    }

    /** The rows of {@code from} that {@code minus} does not hold (as a multiset, by value), in order. */
    private static List<List<@Nullable Object>> minus(ElementCollectionMapping collection,
            List<List<@Nullable Object>> from, List<List<@Nullable Object>> minus) {
        List<List<@Nullable Object>> remaining = new ArrayList<>(minus);
        List<List<@Nullable Object>> result = new ArrayList<>();
        for (List<@Nullable Object> row : from) {
            boolean found = false;
            for (int i = 0; i < remaining.size() && !found; i++) {
                if (collection.sameRow(row, remaining.get(i))) {
                    remaining.remove(i);
                    found = true;
                }
            }
            if (!found) {
                result.add(row);
            }
        }
        return result;
    }

    /**
     * The DELETEs of the changes whose owners stay (before any owner is deleted): whole owners' rows, list tails,
     * then rows by value, each batched per collection.
     */
    static void deleteChanged(Connection connection, List<Change> changes, int batchSize) {
        Map<ElementCollectionMapping, List<Change>> byCollection = live(changes);
        for (Map.Entry<ElementCollectionMapping, List<Change>> entry : byCollection.entrySet()) {
            ElementCollectionMapping collection = entry.getKey();
            List<Object> whole = new ArrayList<>();
            List<List<@Nullable Object>> tails = new ArrayList<>();
            List<List<@Nullable Object>> values = new ArrayList<>();
            for (Change change : entry.getValue()) {
                Object key = ownerKey(change.owner());
                if (change.deleteAll()) {
                    whole.add(key);
                } else if (change.deleteFrom() >= 0) {
                    tails.add(List.of(key, change.deleteFrom()));
                }
                for (List<@Nullable Object> row : change.deleteRows()) {
                    List<@Nullable Object> parameters = new ArrayList<>(row.size() + 1);
                    parameters.add(key);
                    parameters.addAll(row);
                    values.add(parameters);
                }
            }
            deleteOwners(connection, collection, whole);
            if (!tails.isEmpty()) {
                Column<?> order = java.util.Objects.requireNonNull(collection.orderColumn());
                executeMany(connection, collection, Sql.delete(collection.table()).where(
                        collection.joinColumn().eq(tails.get(0).get(0)), order.ge(tails.get(0).get(1))),
                        tails, batchSize);
            }
            if (!values.isEmpty()) {
                List<Condition> conditions = new ArrayList<>();
                conditions.add(collection.joinColumn().eq(values.get(0).get(0)));
                for (int i = 0; i < collection.valueColumns().size(); i++) {
                    conditions.add(collection.valueColumns().get(i).eq(values.get(0).get(i + 1)));
                }
                executeMany(connection, collection, Sql.delete(collection.table())
                        .where(conditions.toArray(Condition[]::new)), values, batchSize);
            }
        }
    }

    /** The INSERTs of new rows, after every owner's INSERT, batched per collection. */
    static void insertChanged(Connection connection, List<Change> changes, int batchSize) {
        for (Map.Entry<ElementCollectionMapping, List<Change>> entry : live(changes).entrySet()) {
            ElementCollectionMapping collection = entry.getKey();
            List<List<@Nullable Object>> rows = new ArrayList<>();
            for (Change change : entry.getValue()) {
                Object key = ownerKey(change.owner());
                int position = change.insertFrom();
                for (List<@Nullable Object> row : change.insertRows()) {
                    List<@Nullable Object> parameters = new ArrayList<>(row.size() + 2);
                    parameters.add(key);
                    if (collection.orderColumn() != null) {
                        parameters.add(position++);
                    }
                    parameters.addAll(row);
                    rows.add(parameters);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            Map<ColumnClause<?>, @Nullable Object> values = new LinkedHashMap<>();
            List<@Nullable Object> first = rows.get(0);
            int index = 0;
            values.put(collection.joinColumn(), first.get(index++));
            if (collection.orderColumn() != null) {
                values.put(collection.orderColumn(), first.get(index++));
            }
            for (Column<?> column : collection.valueColumns()) {
                values.put(column, first.get(index++));
            }
            executeMany(connection, collection, Sql.insert(collection.table()).values(values), rows, batchSize);
        }
    }

    /** Deletes the rows of these owners (by key) from the collection table: {@code DELETE ... WHERE join IN (...)}. */
    static void deleteOwners(Connection connection, ElementCollectionMapping collection, List<Object> keys) {
        for (int start = 0; start < keys.size(); start += 500) {
            List<Object> chunk = keys.subList(start, Math.min(keys.size(), start + 500));
            connection.execute(new OrmStatement(Sql.delete(collection.table())
                    .where(collection.joinColumn().in(chunk)), collection.toString()));
        }
    }

    /** Deletes the rows of deleted owners, before the owners' own DELETE. */
    static void deleteOwnersOf(Connection connection, ElementCollectionMapping collection,
            List<InstanceState> deleted) {
        List<Object> keys = new ArrayList<>(deleted.size());
        for (InstanceState state : deleted) {
            keys.add(ownerKey(state));
        }
        deleteOwners(connection, collection, keys);
    }

    /**
     * After the flush: the written collections' content is the new snapshot, and a plain collection the
     * application assigned is replaced by mapper's own, loaded with the same elements.
     */
    static void newSnapshots(InstanceState owner) {
        for (ElementCollectionMapping collection : ((Mapper<?>) owner.mapper()).elementCollections()) {
            List<Object> current = ElementCollectionLoader.current(owner, collection);
            if (current == null) {
                continue;
            }
            Object value = collection.accessor().get(owner.entity());
            if (value != null && !(value instanceof io.mapper.orm.loading.PersistentCollection)) {
                collection.accessor().set(owner.entity(), collection.isSet()
                        ? new PersistentSet<>(owner.entity(), current, null)
                        : new PersistentList<>(owner.entity(), current, null));
            }
            ElementCollectionLoader.snapshot(owner, collection, current);
        }
    }

    /** The changes of owners that are not deleted by this flush, per collection. */
    private static Map<ElementCollectionMapping, List<Change>> live(List<Change> changes) {
        Map<ElementCollectionMapping, List<Change>> byCollection = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.owner().status() != InstanceState.Status.DELETED) {
                byCollection.computeIfAbsent(change.collection(), unused -> new ArrayList<>()).add(change);
            }
        }
        return byCollection;
    }

    private static void executeMany(Connection connection, ElementCollectionMapping collection,
            Executable statement, List<List<@Nullable Object>> rows, int batchSize) {
        List<String> keys = statement.compile(connection.dialect()).parameterKeys();
        List<Map<String, @Nullable Object>> parameterSets = new ArrayList<>(rows.size());
        for (List<@Nullable Object> row : rows) {
            Map<String, @Nullable Object> parameters = new HashMap<>(keys.size() * 2);
            for (int i = 0; i < keys.size(); i++) {
                parameters.put(keys.get(i), row.get(i));
            }
            parameterSets.add(parameters);
        }
        OrmStatement wrapped = new OrmStatement(statement, collection.toString());
        for (int start = 0; start < parameterSets.size(); start += batchSize) {
            connection.executeMany(wrapped, parameterSets.subList(start, Math.min(parameterSets.size(),
                    start + batchSize)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object ownerKey(InstanceState state) {
        Mapper<Object> mapper = (Mapper<Object>) state.mapper();
        Object key = mapper.value(state.entity(), mapper.primaryKey().get(0));
        if (key == null) {
            throw new InvalidRequestException(describe(state) + " has no primary key, so the rows of its element "
                    + "collections cannot refer to it. Give it a key, or let the database generate one.");
        }
        return key;
    }

    private static String describe(InstanceState state) {
        return state.key() == null ? "A new " + ((Mapper<?>) state.mapper()).entityName() : String.valueOf(state.key());
    }
}
