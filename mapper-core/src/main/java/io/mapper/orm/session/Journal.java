package io.mapper.orm.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.loading.BackReferences;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;

/**
 * What one transaction level (the session's transaction, or a savepoint inside it) changed about the session's
 * objects, kept so that rolling the level back restores them exactly: SQLAlchemy's {@code SessionTransaction}
 * snapshot. Each object is recorded once per level, the first time the level changes it (an add, a delete, a
 * flush writing it); a level opened without a flush (a savepoint set by a transaction manager outside mapper)
 * records every object up front, because objects may carry unflushed changes from before it.
 *
 * <p>Rolling back a level: objects it began tracking are expunged (transient again, generated keys cleared);
 * recorded objects get back their status, key, database snapshot and, where the record holds them, their values;
 * every other persistent object changed in memory since is put back to its database snapshot. Rolling back the
 * outermost level also expires every object, so the next query or {@code get} that returns it reloads it.
 * Not thread-safe; owned by one session.
 */
public final class Journal {

    /** An object as it was when the level first changed it; {@code status} null: not tracked then. */
    private record PreImage(InstanceState state, InstanceState.@Nullable Status status, @Nullable IdentityKey key,
            @Nullable Object @Nullable [] committed, boolean expired, @Nullable Object @Nullable [] values,
            @Nullable Map<Object, List<Object>> collectionSnapshots,
            @Nullable Map<RelationshipMapping, Object> relations) {
    }

    private final @Nullable Journal parent;
    // Every record in the order it was made, and beside each the state's journal mark before this level recorded it.
    // A state carries the mark of the innermost level that recorded it, so "did this level record it?" is one
    // comparison, with no hashing (recording 100,000 objects costs two list appends each); when a level ends, its
    // states get back the mark they had, so the enclosing level recognises its own records again.
    private final ArrayList<PreImage> order = new ArrayList<>();
    private final ArrayList<@Nullable Object> previousMarks = new ArrayList<>();
    // A token, not the journal, so that a state outliving this level keeps no record alive.
    private final Object mark = new Object();

    private Journal(@Nullable Journal parent) {
        this.parent = parent;
    }

    /** The journal of a session's (outermost) transaction. */
    public static Journal root() {
        return new Journal(null);
    }

    /**
     * The journal of a savepoint opened right after a flush: every object then agrees with its database snapshot,
     * so objects are recorded lazily.
     */
    public Journal nested() {
        return new Journal(this);
    }

    /**
     * The journal of a savepoint opened with unflushed changes possibly present (by a transaction manager outside
     * mapper): records every tracked object now, values and relationships included. Costs time in proportion to
     * the session's size.
     */
    public Journal nestedCapturingAll(SessionObjects objects) {
        Journal journal = new Journal(this);
        for (InstanceState state : objects.all()) {
            journal.add(journal.capture(state, state.status(), true));
        }
        return journal;
    }

    /** The enclosing level's journal; null for the outermost one. */
    public @Nullable Journal parent() {
        return parent;
    }

    /** Records {@code state} as it is now, before this level changes it; later calls for it do nothing. */
    public void record(InstanceState state) {
        if (!isRecorded(state)) {
            add(capture(state, state.status(), false));
        }
    }

    /** Records that this level began tracking {@code state} (an add, or a cascade at flush). */
    public void recordNew(InstanceState state) {
        if (!isRecorded(state)) {
            add(capture(state, null, false));
        }
    }

    private boolean isRecorded(InstanceState state) {
        return state.journalMark() == mark;
    }

    private void add(PreImage image) {
        order.add(image);
        previousMarks.add(image.state().journalMark());
        image.state().journalMark(mark);
    }

    /** Whether the level recorded nothing. */
    public boolean isEmpty() {
        return order.isEmpty();
    }

    /** A released savepoint's changes become the enclosing level's: its records fill what the parent lacks. */
    public void mergeIntoParent() {
        for (int i = 0; i < order.size(); i++) {
            InstanceState state = order.get(i).state();
            state.journalMark(previousMarks.get(i));
            if (parent != null && !parent.isRecorded(state)) {
                parent.add(order.get(i));
            }
        }
        order.clear();
        previousMarks.clear();
    }

    @SuppressWarnings("unchecked")
    private PreImage capture(InstanceState state, InstanceState.@Nullable Status status, boolean full) {
        Mapper<Object> mapper = (Mapper<Object>) state.mapper();
        Object[] committed = state.committed();
        // Values are kept where a rollback needs them: all of them for a level that records objects up front, and
        // for an object this level began tracking the ones its flush assigns (keys, version); a persistent object
        // is put back from its database snapshot instead.
        Object[] values = full || status != InstanceState.Status.PERSISTENT && status != InstanceState.Status.DELETED
                ? mapper.values(state.entity()) : null;
        return new PreImage(state, status, state.key(), committed, state.isExpired(), values,
                state.collectionSnapshots(), full ? relations(mapper, state) : null);
    }

    /** The relationship properties as they are: references, and the elements of loaded collections. */
    private static Map<RelationshipMapping, Object> relations(Mapper<Object> mapper, InstanceState state) {
        if (mapper.relationships().isEmpty()) {
            return Map.of();
        }
        Map<RelationshipMapping, Object> relations = new HashMap<>();
        for (RelationshipMapping relationship : mapper.relationships()) {
            Object value = relationship.accessor().get(state.entity());
            if (value instanceof PersistentCollection collection && !collection.isLoaded()) {
                continue;
            }
            Collection<?> elements = RelationshipMapping.elementsOf(value);
            if (!relationship.isSingleValued() && elements != null) {
                relations.put(relationship, new Elements(value, new ArrayList<>(elements)));
            } else {
                relations.put(relationship, new Reference(value));
            }
        }
        return relations;
    }

    private record Elements(Object collection, List<Object> elements) {
    }

    private record Reference(@Nullable Object value) {
    }

    /**
     * Restores the session's objects to this level's start, after the database rolled back to it. With
     * {@code outermost}, every object is also expired. Returns the objects expunged because the level began
     * tracking them: they are transient again.
     */
    public List<Object> restore(SessionObjects objects, boolean outermost) {
        for (int i = 0; i < order.size(); i++) {
            order.get(i).state().journalMark(previousMarks.get(i));
        }
        List<PreImage> images = new ArrayList<>(order);
        Collections.reverse(images);
        Set<InstanceState> restored = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> expunged = new ArrayList<>();
        for (PreImage image : images) {
            restored.add(image.state());
            if (image.status() == null) {
                expunged.add(image.state().entity());
            }
            restore(objects, image);
        }
        order.clear();
        previousMarks.clear();
        for (InstanceState state : objects.all()) {
            if (!restored.contains(state) && state.status() != InstanceState.Status.PENDING
                    && state.committed() != null) {
                revert(objects, state);
            }
            if (outermost) {
                state.expire();
            }
        }
        return expunged;
    }

    @SuppressWarnings("unchecked")
    private static void restore(SessionObjects objects, PreImage image) {
        InstanceState state = image.state();
        Mapper<Object> mapper = (Mapper<Object>) state.mapper();
        objects.forget(state);
        if (image.status() == null) {
            // Began in this level: transient again, with the keys and version its flush assigned cleared.
            restoreGenerated(mapper, state.entity(), java.util.Objects.requireNonNull(image.values()));
            state.key(null);
            state.restoreCommitted(null);
            state.restoreCollectionSnapshots(null);
            state.status(InstanceState.Status.PENDING);
            return;
        }
        state.status(image.status());
        state.key(image.key());
        state.restoreCommitted(image.committed());
        state.restoreCollectionSnapshots(image.collectionSnapshots());
        if (image.expired()) {
            state.expire();
        }
        IdentityKey key = image.key();
        InstanceState occupant = key == null ? null : objects.get(key);
        if (occupant != null && occupant != state) {
            // The row was deleted in this level and another instance loaded for a row inserted with the same key
            // since; that row is rolled back, so its instance leaves the session.
            objects.forget(occupant);
        }
        objects.track(state);
        Object[] values = image.values();
        if (image.relations() != null && values != null) {
            mapper.populate(state.entity(), values);
            restoreGenerated(mapper, state.entity(), values);
            restoreRelations(state, image.relations());
        } else if (image.status() == InstanceState.Status.PENDING && values != null) {
            restoreGenerated(mapper, state.entity(), values);
        } else {
            revert(objects, state);
        }
    }

    /** Puts back the generated key and version values a flush assigned. */
    private static void restoreGenerated(Mapper<Object> mapper, Object entity, @Nullable Object[] before) {
        for (PropertyMapping key : mapper.primaryKey()) {
            if (key.generation() != null) {
                mapper.setValue(entity, key, before[key.slot()]);
            }
        }
        mapper.version().ifPresent(version -> mapper.setValue(entity, version, before[version.slot()]));
    }

    @SuppressWarnings("unchecked")
    private static void restoreRelations(InstanceState state, Map<RelationshipMapping, Object> relations) {
        for (Map.Entry<RelationshipMapping, Object> entry : relations.entrySet()) {
            RelationshipMapping relationship = entry.getKey();
            if (entry.getValue() instanceof Reference reference) {
                relationship.accessor().set(state.entity(), reference.value());
            } else {
                Elements elements = (Elements) entry.getValue();
                BackReferences.replaceElements(elements.collection(), elements.elements());
                relationship.accessor().set(state.entity(), elements.collection());
            }
        }
    }

    /**
     * Puts a persistent object's values, references and loaded collections back to its database snapshot (the
     * values at its load or last flush), discarding changes made in memory since.
     */
    @SuppressWarnings("unchecked")
    static void revert(SessionObjects objects, InstanceState state) {
        Mapper<Object> mapper = (Mapper<Object>) state.mapper();
        Object[] committed = state.committed();
        if (committed == null) {
            return;
        }
        Object entity = state.entity();
        Object[] current = mapper.values(entity);
        boolean differs = false;
        for (int slot = 0; slot < current.length && !differs; slot++) {
            differs = !mapper.isForeignKeySlot(slot) && !mapper.isCollectionSlot(slot)
                    && state.isChanged(slot, current[slot]);
        }
        if (differs) {
            // The snapshot keeps its own copies of mutable values: the object gets copies of them, not the same ones.
            mapper.populate(entity, mapper.snapshotOf(committed));
        }
        for (RelationshipMapping relationship : mapper.relationships()) {
            if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
                revertReference(objects, state, relationship, committed);
                continue;
            }
            List<Object> snapshot = state.collectionSnapshot(relationship);
            Object value = relationship.accessor().get(entity);
            if (snapshot == null || value instanceof PersistentCollection collection && !collection.isLoaded()) {
                continue;
            }
            if (relationship.isSingleValued()) {
                Object before = snapshot.isEmpty() ? null : snapshot.get(0);
                if (value != before) {
                    relationship.accessor().set(entity, before);
                }
            } else if (RelationshipMapping.elementsOf(value) != null
                    && !BackReferences.sameInOrder(
                            java.util.Objects.requireNonNull(RelationshipMapping.elementsOf(value)), snapshot)) {
                BackReferences.replaceElements(value, snapshot);
            }
        }
        for (io.mapper.orm.mapping.ElementCollectionMapping collection : mapper.elementCollections()) {
            io.mapper.orm.loading.ElementCollectionLoader.restore(state, collection);
        }
    }

    private static void revertReference(SessionObjects objects, InstanceState state, RelationshipMapping relationship,
            @Nullable Object[] committed) {
        Object entity = state.entity();
        if (relationship.unloadedKey(entity) != null) {
            return;    // a holder never loaded still refers to the row it was loaded with
        }
        IdentityKey key = relationship.targetKey(committed);
        Object current = relationship.related(entity);
        if (key == null) {
            if (current != null) {
                relationship.setRelated(entity, null);
            }
            return;
        }
        InstanceState targetState = objects.get(key);
        if (targetState != null && targetState.entity() != current) {
            relationship.setRelated(entity, targetState.entity());
        }
        // Without the old target in the session it cannot be put back without SQL; the object is reloaded with
        // its reference the next time a query returns it (it is expired by the outermost rollback).
    }
}
