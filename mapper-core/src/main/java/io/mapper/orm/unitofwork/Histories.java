package io.mapper.orm.unitofwork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.loading.BackReferences;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.session.SessionObjects;
import io.mapper.orm.state.InstanceState;

/**
 * The history of relationship properties since their load or last flush: whether a reference points elsewhere
 * than its foreign key says, and which elements a loaded collection gained and lost. Java cannot see assignments,
 * so histories are computed by comparing with the state's snapshots.
 */
final class Histories {

    /** A loaded collection's change; {@code removed} is empty for an owner that is not in the database yet. */
    record CollectionChange(InstanceState owner, RelationshipMapping relationship, List<Object> added,
            List<Object> removed) {
    }

    private Histories() {
    }

    /**
     * Whether the reference (a many-to-one) of {@code state} no longer points at the row its foreign key had at
     * load or last flush; for a pending object, whether it is set at all.
     */
    @SuppressWarnings("unchecked")
    static boolean referenceChanged(InstanceState state, RelationshipMapping relationship) {
        Object entity = state.entity();
        Object[] committed = state.committed();
        if (relationship.unloadedKey(entity) != null) {
            return committed == null;
        }
        Object related = relationship.related(entity);
        io.mapper.orm.state.IdentityKey before = relationship.targetKey(committed);
        if (related == null) {
            return before != null;
        }
        if (before == null) {
            return true;
        }
        Mapper<Object> target = (Mapper<Object>) relationship.target();
        io.mapper.orm.state.IdentityKey key = target.identityKey(related);
        return key == null || !before.id().equals(key.id());
    }

    /**
     * The state of {@code related}, the loaded target of a single-column many-to-one of {@code state}, when the
     * reference is unchanged: the foreign key at load or last flush equals the target's key, and the identity map
     * holds {@code related} itself under that key. Null otherwise (a changed reference, a composite key, a target
     * the identity map does not hold): {@link #referenceChanged} and the session's index then decide.
     */
    @SuppressWarnings("unchecked")
    static @Nullable InstanceState unchangedTarget(SessionObjects objects, InstanceState state,
            RelationshipMapping relationship, Object related) {
        Mapper<Object> target = (Mapper<Object>) relationship.target();
        if (target.primaryKey().size() != 1) {
            return null;
        }
        Object foreignKey = relationship.foreignKeyValue(state.committed());
        if (foreignKey == null || !foreignKey.equals(target.value(related, target.primaryKey().get(0)))) {
            return null;
        }
        InstanceState found = objects.get(target.identityKeyOf(foreignKey));
        return found != null && found.entity() == related ? found : null;
    }

    /** The elements of a loaded collection (or single-valued inverse) property; null when it is not loaded. */
    static @Nullable List<Object> current(Object entity, RelationshipMapping relationship) {
        Object value = relationship.accessor().get(entity);
        if (value instanceof PersistentCollection collection && !collection.isLoaded()) {
            return null;
        }
        if (value == null) {
            return List.of();
        }
        if (relationship.isSingleValued()) {
            return List.of(value);
        }
        return new ArrayList<>(java.util.Objects.requireNonNull(RelationshipMapping.elementsOf(value)));
    }

    /** The change of a collection relationship of {@code state}, or null when it is unloaded or unchanged. */
    static @Nullable CollectionChange collectionChange(InstanceState state, RelationshipMapping relationship) {
        List<Object> snapshot = state.collectionSnapshot(relationship);
        List<Object> before = snapshot == null ? List.of() : snapshot;
        Object value = relationship.accessor().get(state.entity());
        if (value instanceof PersistentCollection collection && !collection.isLoaded()) {
            return null;
        }
        if (sameElementsInOrder(value, relationship, before)
                && (relationship.mapKeyColumn() == null || sameKeys(state, relationship))) {
            return null;    // the common case, an untouched collection: no copy, no set of its elements
        }
        List<Object> current = current(state.entity(), relationship);
        if (current == null) {
            return null;
        }
        List<Object> added = difference(current, before);
        List<Object> removed = difference(before, current);
        if (added.isEmpty() && removed.isEmpty()
                && (relationship.orderColumn() == null || BackReferences.sameInOrder(current, before))
                && (relationship.mapKeyColumn() == null || sameKeys(state, relationship))) {
            return null;    // unchanged; a list with an order column changes when only its order does, too
        }
        return new CollectionChange(state, relationship, added, removed);
    }

    /** Whether each element of a {@code @MapKeyColumn} map is under the key it had at load or last flush. */
    private static boolean sameKeys(InstanceState state, RelationshipMapping relationship) {
        if (!(relationship.accessor().get(state.entity()) instanceof java.util.Map<?, ?> map)) {
            return true;
        }
        List<Object> elements = state.collectionSnapshot(relationship);
        List<Object> keys = state.collectionSnapshot(relationship.mapKeySnapshot());
        if (elements == null || keys == null || elements.size() != keys.size()) {
            return map.isEmpty();
        }
        java.util.Map<Object, Object> before = new IdentityHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            before.put(elements.get(i), keys.get(i));
        }
        for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
            if (!before.containsKey(entry.getValue())
                    || !java.util.Objects.equals(before.get(entry.getValue()), entry.getKey())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a collection property's {@code value} holds exactly the snapshot's elements, by identity and in the
     * snapshot's order. False may also mean the same elements in another order: the caller then compares fully.
     */
    private static boolean sameElementsInOrder(@Nullable Object value, RelationshipMapping relationship,
            List<Object> before) {
        if (value == null) {
            return before.isEmpty();
        }
        if (relationship.isSingleValued()) {
            return before.size() == 1 && before.get(0) == value;
        }
        java.util.Collection<?> elements = RelationshipMapping.elementsOf(value);
        return elements != null && BackReferences.sameInOrder(elements, before);
    }

    /** The elements of {@code from} not in {@code minus}, by identity, in order. */
    static List<Object> difference(List<Object> from, List<Object> minus) {
        if (minus.isEmpty()) {
            return from;
        }
        Set<Object> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        excluded.addAll(minus);
        List<Object> result = new ArrayList<>();
        for (Object element : from) {
            if (!excluded.contains(element)) {
                result.add(element);
            }
        }
        return result;
    }
}
