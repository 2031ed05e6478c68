package io.mapper.orm.unitofwork;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mapper.engine.Connection;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.SessionListener;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.state.InstanceState;
import io.mapper.schema.Table;

/**
 * Turns a session's pending, changed and deleted objects into ordered, batched statements: INSERTs and UPDATEs
 * table by table in foreign-key order (parents first), DELETEs in the reverse order (children first). Dirty checking
 * compares each persistent object's column values with its snapshot; UPDATEs set only the changed columns.
 */
public final class UnitOfWork {

    /** One row of a many-to-many association table, between two objects. */
    public record AssociationRow(io.mapper.orm.mapping.RelationshipMapping relationship, Object owner,
            Object target) {
    }

    /** The association rows a flush inserts and deletes. */
    public record AssociationChanges(List<AssociationRow> inserts, List<AssociationRow> deletes) {

        /** Whether there is nothing to write. */
        public boolean isEmpty() {
            return inserts.isEmpty() && deletes.isEmpty();
        }
    }

    /** What a flush wrote. */
    public record Outcome(List<InstanceState> inserted, List<InstanceState> updated, List<InstanceState> deleted) {
    }

    private final MapperRegistry registry;
    private final List<SessionListener> listeners;
    private final int batchSize;

    /** A unit of work over the mappers of {@code registry}, telling {@code listeners} about each write. */
    public UnitOfWork(MapperRegistry registry, List<SessionListener> listeners, int batchSize) {
        this.registry = registry;
        this.listeners = List.copyOf(listeners);
        this.batchSize = batchSize;
    }

    /** Whether the persistent object's values differ from its snapshot. */
    public static boolean isModified(Mapper<?> mapper, InstanceState state) {
        return !changedSlots(mapper, state).isEmpty();
    }

    /**
     * Writes everything on {@code connection}, inside its current transaction; {@code beforeUpdate} hears each
     * persistent object about to be updated (before its version changes), so the caller can undo on rollback.
     */
    public Outcome flush(Connection connection, Collection<InstanceState> pending,
            Collection<InstanceState> persistent, Collection<InstanceState> deleted,
            java.util.function.Consumer<InstanceState> beforeUpdate, AssociationChanges associations) {
        Map<Mapper<?>, List<InstanceState>> inserts = byMapper(pending);
        Map<Mapper<?>, List<InstanceState>> deletes = byMapper(deleted);
        for (Map.Entry<Mapper<?>, List<InstanceState>> entry : inserts.entrySet()) {
            for (InstanceState state : entry.getValue()) {
                listeners.forEach(listener -> listener.beforeInsert(state.entity()));
            }
        }
        Map<Mapper<?>, List<InstanceState>> updates = new LinkedHashMap<>();
        Map<InstanceState, BitSet> changes = new HashMap<>();
        for (InstanceState state : persistent) {
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            if (changedSlots(mapper, state).isEmpty()) {
                continue;
            }
            // Listeners may change the object further (auditing columns), so changes are computed after them.
            listeners.forEach(listener -> listener.beforeUpdate(state.entity()));
            BitSet changed = changedSlots(mapper, state);
            if (!changed.isEmpty()) {
                checkKeyUnchanged(mapper, state, changed);
                beforeUpdate.accept(state);
                updates.computeIfAbsent(mapper, unused -> new ArrayList<>()).add(state);
                changes.put(state, changed);
            }
        }
        for (List<InstanceState> states : deletes.values()) {
            for (InstanceState state : states) {
                listeners.forEach(listener -> listener.beforeDelete(state.entity()));
            }
        }

        List<Mapper<?>> order = dependencyOrder();
        List<InstanceState> inserted = new ArrayList<>();
        List<InstanceState> updated = new ArrayList<>();
        List<InstanceState> removed = new ArrayList<>();
        for (Mapper<?> mapper : order) {
            List<InstanceState> toInsert = inserts.get(mapper);
            if (toInsert != null) {
                // A row that refers to another new row of the same table is inserted in a later statement.
                for (List<InstanceState> wave : waves(mapper, toInsert, false)) {
                    Persistence.insert(connection, mapper, wave, batchSize);
                }
                inserted.addAll(toInsert);
            }
            List<InstanceState> toUpdate = updates.get(mapper);
            if (toUpdate != null) {
                List<BitSet> changedColumns = new ArrayList<>(toUpdate.size());
                for (InstanceState state : toUpdate) {
                    changedColumns.add(changes.get(state));
                }
                Persistence.update(connection, mapper, toUpdate, changedColumns, batchSize);
                updated.addAll(toUpdate);
            }
        }
        postUpdate(connection, inserted, changes, updated);
        Persistence.associations(connection, associations.deletes(), false, batchSize);
        for (int i = order.size() - 1; i >= 0; i--) {
            List<InstanceState> toDelete = deletes.get(order.get(i));
            if (toDelete != null) {
                // Children are deleted before parents: the child's FK would otherwise reject the parent's DELETE.
                for (List<InstanceState> wave : waves(order.get(i), toDelete, true)) {
                    Persistence.delete(connection, order.get(i), wave, batchSize);
                }
                removed.addAll(toDelete);
            }
        }
        Persistence.associations(connection, associations.inserts(), true, batchSize);
        for (InstanceState state : inserted) {
            listeners.forEach(listener -> listener.afterInsert(state.entity()));
        }
        for (InstanceState state : updated) {
            listeners.forEach(listener -> listener.afterUpdate(state.entity()));
        }
        for (InstanceState state : removed) {
            listeners.forEach(listener -> listener.afterDelete(state.entity()));
        }
        return new Outcome(inserted, updated, removed);
    }

    /**
     * The post-update: a new row whose reference pointed at a row that was not inserted yet (a row referring to
     * itself, or a cycle of references) was inserted with a NULL foreign key; now that every row has its key, an
     * UPDATE sets it. Such a foreign key must be nullable.
     */
    private void postUpdate(Connection connection, List<InstanceState> inserted, Map<InstanceState, BitSet> changes,
            List<InstanceState> updated) {
        Map<Mapper<?>, List<InstanceState>> byMapper = new LinkedHashMap<>();
        Map<InstanceState, BitSet> pending = new HashMap<>();
        for (InstanceState state : inserted) {
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            BitSet changed = changedSlots(mapper, state);
            if (!changed.isEmpty()) {
                byMapper.computeIfAbsent(mapper, unused -> new ArrayList<>()).add(state);
                pending.put(state, changed);
            }
        }
        for (Map.Entry<Mapper<?>, List<InstanceState>> entry : byMapper.entrySet()) {
            List<BitSet> changedColumns = new ArrayList<>();
            for (InstanceState state : entry.getValue()) {
                changedColumns.add(pending.get(state));
            }
            Persistence.update(connection, entry.getKey(), entry.getValue(), changedColumns, batchSize);
        }
    }

    /**
     * Splits the rows of a self-referencing table into waves: rows whose parent (through a many-to-one to the same
     * table) is among {@code states} come in a later wave when inserting, an earlier one when deleting.
     */
    private static List<List<InstanceState>> waves(Mapper<?> mapper, List<InstanceState> states, boolean reverse) {
        List<io.mapper.orm.mapping.RelationshipMapping> selfReferences = new ArrayList<>();
        for (io.mapper.orm.mapping.RelationshipMapping relationship : mapper.relationships()) {
            if (relationship.kind() == io.mapper.orm.mapping.RelationshipMapping.Kind.MANY_TO_ONE
                    && relationship.targetType() == mapper.entityType()) {
                selfReferences.add(relationship);
            }
        }
        if (selfReferences.isEmpty() || states.size() < 2) {
            return List.of(states);
        }
        Map<Object, InstanceState> byEntity = new java.util.IdentityHashMap<>();
        for (InstanceState state : states) {
            byEntity.put(state.entity(), state);
        }
        Map<InstanceState, Integer> depth = new java.util.IdentityHashMap<>();
        int deepest = 0;
        for (InstanceState state : states) {
            deepest = Math.max(deepest, depth(state, byEntity, selfReferences, depth,
                    java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
        }
        List<List<InstanceState>> waves = new ArrayList<>();
        for (int level = 0; level <= deepest; level++) {
            waves.add(new ArrayList<>());
        }
        for (InstanceState state : states) {
            waves.get(depth.get(state)).add(state);
        }
        waves.removeIf(List::isEmpty);
        if (reverse) {
            java.util.Collections.reverse(waves);
        }
        return waves;
    }

    private static int depth(InstanceState state, Map<Object, InstanceState> byEntity,
            List<io.mapper.orm.mapping.RelationshipMapping> selfReferences, Map<InstanceState, Integer> depth,
            Set<InstanceState> visiting) {
        Integer known = depth.get(state);
        if (known != null) {
            return known;
        }
        visiting.add(state);
        int result = 0;
        for (io.mapper.orm.mapping.RelationshipMapping reference : selfReferences) {
            Object parent = reference.accessor().get(state.entity());
            InstanceState parentState = parent == null || parent == state.entity() ? null : byEntity.get(parent);
            // A reference back into the path is a cycle: that edge is left to the post-update.
            if (parentState != null && !visiting.contains(parentState)) {
                result = Math.max(result, depth(parentState, byEntity, selfReferences, depth, visiting) + 1);
            }
        }
        visiting.remove(state);
        depth.put(state, result);
        return result;
    }

    private static Map<Mapper<?>, List<InstanceState>> byMapper(Collection<InstanceState> states) {
        Map<Mapper<?>, List<InstanceState>> grouped = new LinkedHashMap<>();
        for (InstanceState state : states) {
            grouped.computeIfAbsent((Mapper<?>) state.mapper(), unused -> new ArrayList<>()).add(state);
        }
        return grouped;
    }

    /** Mappers ordered so that a table comes after the tables its foreign keys refer to. */
    private List<Mapper<?>> dependencyOrder() {
        Map<Table, Mapper<?>> byTable = new HashMap<>();
        for (Mapper<?> mapper : registry.mappers()) {
            byTable.put(mapper.table(), mapper);
        }
        List<Mapper<?>> order = new ArrayList<>();
        for (Table table : registry.metadata().sortedTables()) {
            Mapper<?> mapper = byTable.get(table);
            if (mapper != null) {
                order.add(mapper);
            }
        }
        return order;
    }

    @SuppressWarnings("unchecked")
    private static <E> BitSet changedSlots(Mapper<E> mapper, InstanceState state) {
        Object[] current = mapper.values((E) state.entity());
        BitSet changed = new BitSet(current.length);
        for (int slot = 0; slot < current.length; slot++) {
            if (state.isChanged(slot, current[slot])) {
                changed.set(slot);
            }
        }
        return changed;
    }

    private static void checkKeyUnchanged(Mapper<?> mapper, InstanceState state, BitSet changed) {
        for (PropertyMapping key : mapper.primaryKey()) {
            if (changed.get(key.slot())) {
                throw new InvalidRequestException("The primary key " + mapper.entityName() + "." + key.path()
                        + " of " + state.key() + " was changed; mapper does not update primary keys. Delete the "
                        + "object and add a new one with the new key.");
            }
        }
    }
}
