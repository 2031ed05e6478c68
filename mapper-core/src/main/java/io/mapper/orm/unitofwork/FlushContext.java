package io.mapper.orm.unitofwork;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.session.Journal;
import io.mapper.orm.session.SessionObjects;
import io.mapper.orm.state.InstanceState;

/**
 * The working state of one flush, shared by the {@link UnitOfWork} and its {@link DependencyProcessor}s: the
 * session's objects, the journal that records each object before the flush changes it, the objects still to scan,
 * and what the scan found (collection changes, references that changed, association rows to write).
 */
final class FlushContext {

    final SessionObjects objects;
    final Journal journal;
    final MapperRegistry registry;
    /** Live objects whose relationships are still to be scanned (added and cascaded objects join the queue). */
    final Deque<InstanceState> toScan = new ArrayDeque<>();
    // The sets below start small (IdentityHashMap's default table has 64 slots): most flushes fill few or none of
    // them, and a flush of one new object (W5) allocated a kilobyte for them.
    /** This flush's mark on the states it queued for the scan ({@link InstanceState#markScanned}). */
    private final Object scanMark = new Object();
    final List<Histories.CollectionChange> collectionChanges = new ArrayList<>();
    /** Objects whose many-to-one changed: the reference won, so loaded collections on the other side follow. */
    final Map<InstanceState, List<RelationshipMapping>> referenceChanges = new IdentityHashMap<>(4);
    final List<AssociationRow> associationInserts = new ArrayList<>();
    final List<AssociationRow> associationDeletes = new ArrayList<>();
    /** Objects whose foreign-key slots the reconciliation changed; their column changes are computed again. */
    final Set<InstanceState> reconciled = new LinkedHashSet<>();
    /** Objects given collection-column values (see {@link CollectionColumnWrites}); cleared after the flush. */
    final Set<InstanceState> assigned = java.util.Collections.newSetFromMap(new IdentityHashMap<>(4));
    /** Element collections whose rows this flush writes. */
    final List<ElementCollectionProcessor.Change> elementChanges = new ArrayList<>();
    /** Live objects whose element collections were compared with their snapshots already. */
    final Set<InstanceState> elementsScanned = java.util.Collections.newSetFromMap(new IdentityHashMap<>(4));
    /** Owners whose loaded collections get a new snapshot after the flush. */
    final Set<InstanceState> snapshotOwners = java.util.Collections.newSetFromMap(new IdentityHashMap<>(4));

    private final java.util.function.Function<Mapper<?>, List<DependencyProcessor>> processors;

    /** A link between two objects in an association table, owning side first, compared by identity. */
    record Link(Object owner, Object target) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Link that && owner == that.owner && target == that.target;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(owner) + System.identityHashCode(target);
        }
    }

    /** Per owning many-to-many relationship: the links to insert (true) or delete (false). */
    private final Map<RelationshipMapping, Map<Link, Boolean>> links = new java.util.LinkedHashMap<>();

    /** The links of one owning many-to-many relationship that this flush writes. */
    Map<Link, Boolean> links(RelationshipMapping owning) {
        return links.computeIfAbsent(owning, unused -> new java.util.LinkedHashMap<>());
    }

    /** All links to write, per owning relationship. */
    Map<RelationshipMapping, Map<Link, Boolean>> allLinks() {
        return links;
    }

    FlushContext(SessionObjects objects, Journal journal, MapperRegistry registry,
            java.util.function.Function<Mapper<?>, List<DependencyProcessor>> processors) {
        this.objects = objects;
        this.journal = journal;
        this.registry = registry;
        this.processors = processors;
    }

    /** The dependency processors of a mapper's relationships. */
    List<DependencyProcessor> processors(Mapper<?> mapper) {
        return processors.apply(mapper);
    }

    /** Runs the delete cascades of a deleted object's relationships. */
    void cascadeDeletes(InstanceState deleted) {
        for (DependencyProcessor processor : processors((Mapper<?>) deleted.mapper())) {
            processor.cascadeDelete(this, deleted);
        }
    }

    /** Queues a live object for the relationship scan, once. */
    void scan(InstanceState state) {
        if (state.markScanned(scanMark)) {
            toScan.add(state);
        }
    }

    /**
     * The session's state for an object reached through {@code through}; an object the session does not track is
     * added (the save-update cascade), or refused when the relationship does not cascade saves.
     */
    InstanceState reached(Object entity, RelationshipMapping through, InstanceState from) {
        InstanceState state = objects.stateOf(entity);
        if (state != null) {
            return state;
        }
        if (!through.cascades(io.mapper.orm.annotation.Cascade.SAVE_UPDATE)) {
            throw new InvalidRequestException(from + " refers through " + through + " to a "
                    + entity.getClass().getSimpleName() + " that is not in the session, and " + through
                    + " does not cascade saves. Add that object to the session first, or add Cascade.SAVE_UPDATE "
                    + "to the relationship.");
        }
        @SuppressWarnings("unchecked")
        Mapper<Object> mapper = (Mapper<Object>) registry.find(entity.getClass()).orElseThrow(
                () -> new InvalidRequestException(through + " holds a " + entity.getClass().getName()
                        + ", which is not a mapped entity."));
        if (mapper.identityKey(entity) != null && hasDatabaseKey(mapper)) {
            throw new InvalidRequestException("Cascading from " + from + " through " + through + " reached a "
                    + mapper.entityName() + " that already has a generated primary key: it is detached, not new. "
                    + "Use session.merge(object) to bring it into this session.");
        }
        InstanceState added = new InstanceState(entity, mapper, InstanceState.Status.PENDING);
        journal.recordNew(added);
        objects.track(added);
        scan(added);
        return added;
    }

    private static boolean hasDatabaseKey(Mapper<?> mapper) {
        return mapper.primaryKey().stream().anyMatch(property -> property.generation() != null
                && property.generation() != io.mapper.orm.annotation.GenerationStrategy.UUID);
    }

    /**
     * Marks a persistent object deleted (an orphan or a cascaded delete) and runs its own delete cascades; a
     * pending one is simply forgotten.
     */
    void delete(InstanceState state) {
        journal.record(state);
        if (state.status() == InstanceState.Status.PENDING) {
            objects.forget(state);
        } else if (state.status() == InstanceState.Status.PERSISTENT) {
            objects.markDeleted(state);
            cascadeDeletes(state);
        }
    }

    /** Sets a reference during reconciliation, journaling the object first. */
    void setReference(InstanceState state, RelationshipMapping relationship, @Nullable Object value) {
        journal.record(state);
        noteReferenceChange(state, relationship);
        relationship.setRelated(state.entity(), value);
        reconciled.add(state);
    }

    private final Map<InstanceState, Map<RelationshipMapping, InstanceState>> previousParents =
            new IdentityHashMap<>(4);

    /**
     * Notes that the reference of {@code state} changed in this flush, remembering the object its foreign key
     * pointed at before (when the session has it), so that both objects' loaded collections follow afterwards.
     */
    void noteReferenceChange(InstanceState state, RelationshipMapping relationship) {
        List<RelationshipMapping> changed = referenceChanges.computeIfAbsent(state, unused -> new ArrayList<>());
        if (changed.contains(relationship)) {
            return;
        }
        changed.add(relationship);
        io.mapper.orm.state.IdentityKey key = relationship.targetKey(state.committed());
        if (key != null) {
            InstanceState before = objects.get(key);
            if (before != null) {
                previousParents.computeIfAbsent(state, unused -> new IdentityHashMap<>()).put(relationship, before);
            }
        }
    }

    /** The object the reference pointed at before this flush changed it, if the session has it. */
    @Nullable InstanceState previousParent(InstanceState state, RelationshipMapping relationship) {
        Map<RelationshipMapping, InstanceState> parents = previousParents.get(state);
        return parents == null ? null : parents.get(relationship);
    }
}
