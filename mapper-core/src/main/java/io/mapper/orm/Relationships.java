package io.mapper.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.loading.BackReferences;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.loading.PersistentList;
import io.mapper.orm.loading.PersistentSet;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.unitofwork.UnitOfWork;

/**
 * A session's relationship work before and after a flush: the cascades, orphans and association-table changes.
 * Loading related objects is {@link io.mapper.orm.loading.EntityLoader}'s. Package-private; owned by one
 * {@link Session}.
 */
final class Relationships {

    private final DefaultSession session;

    Relationships(DefaultSession session) {
        this.session = session;
    }

    // ---- flush preparation ----

    /**
     * Applies the cascades before a flush: deletes of children whose parent is deleted (DELETE cascade) or who
     * were removed from a DELETE_ORPHAN collection, additions of new related objects (SAVE_UPDATE), back-references
     * of collection elements, and the association rows to insert and delete.
     */
    UnitOfWork.AssociationChanges prepareFlush() {
        cascadeDeletes();
        cascadeSaves();
        return collectionChanges();
    }

    private void cascadeDeletes() {
        List<InstanceState> work = new ArrayList<>(session.deletedStates());
        Set<InstanceState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!work.isEmpty()) {
            InstanceState state = work.remove(work.size() - 1);
            if (!seen.add(state)) {
                continue;
            }
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            for (RelationshipMapping relationship : mapper.relationships()) {
                if (relationship.kind() != RelationshipMapping.Kind.ONE_TO_MANY
                        || !relationship.cascades(Cascade.DELETE)) {
                    continue;
                }
                Object value = relationship.accessor().get(state.entity());
                Collection<?> children;
                if (value instanceof PersistentCollection collection && !collection.isLoaded()) {
                    if (relationship.passiveDeletes()) {
                        continue;   // ON DELETE CASCADE in the database removes them; no SELECT of the children.
                    }
                    children = (Collection<?>) value;   // loads them
                } else if (relationship.isSingleValued()) {
                    children = value == null ? List.of() : List.of(value);
                } else {
                    children = value == null ? List.of() : (Collection<?>) value;
                }
                for (Object child : List.copyOf(children)) {
                    InstanceState childState = session.stateOf(child);
                    if (childState != null && childState.status() == InstanceState.Status.PERSISTENT) {
                        session.markDeleted(childState);
                        work.add(childState);
                    } else if (childState != null && childState.status() == InstanceState.Status.PENDING) {
                        session.forgetPending(childState);
                    }
                }
            }
        }
    }

    private void cascadeSaves() {
        // Only objects whose mapper has relationships can cascade; the others (often most of a large session) are
        // left out of the walk instead of being copied into it and its identity set at every flush.
        List<InstanceState> work = new ArrayList<>();
        for (InstanceState state : session.liveStates()) {
            if (!((Mapper<?>) state.mapper()).relationships().isEmpty()) {
                work.add(state);
            }
        }
        Set<InstanceState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!work.isEmpty()) {
            InstanceState state = work.remove(work.size() - 1);
            if (!seen.add(state) || state.status() == InstanceState.Status.DELETED) {
                continue;
            }
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            for (RelationshipMapping relationship : mapper.relationships()) {
                Object value = relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE
                        ? relationship.related(state.entity()) : relationship.accessor().get(state.entity());
                if (value == null || value instanceof PersistentCollection collection && !collection.isLoaded()) {
                    continue;
                }
                Collection<?> related = relationship.isSingleValued() ? List.of(value) : (Collection<?>) value;
                for (Object element : related) {
                    if (element == null) {
                        continue;
                    }
                    if (relationship.kind() == RelationshipMapping.Kind.ONE_TO_MANY) {
                        RelationshipMapping inverse = relationship.inverse();
                        if (inverse.related(element) != state.entity()) {
                            inverse.setRelated(element, state.entity());
                        }
                    }
                    InstanceState elementState = session.stateOf(element);
                    if (elementState == null && relationship.cascades(Cascade.SAVE_UPDATE)) {
                        elementState = session.addCascaded(element, relationship);
                    }
                    if (elementState != null) {
                        work.add(elementState);
                    }
                }
            }
        }
    }

    private UnitOfWork.AssociationChanges collectionChanges() {
        List<UnitOfWork.AssociationRow> inserts = new ArrayList<>();
        List<UnitOfWork.AssociationRow> deletes = new ArrayList<>();
        for (InstanceState state : session.liveStates()) {
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            for (RelationshipMapping relationship : mapper.relationships()) {
                if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE || relationship.isSingleValued()) {
                    continue;
                }
                Object value = relationship.accessor().get(state.entity());
                if (value instanceof PersistentCollection collection && !collection.isLoaded()) {
                    continue;
                }
                List<Object> current = value == null ? List.of() : new ArrayList<>((Collection<?>) value);
                List<Object> before = state.collectionSnapshot(relationship);
                List<Object> previous = before == null ? List.of() : before;
                List<Object> removed = difference(previous, current);
                if (relationship.kind() == RelationshipMapping.Kind.ONE_TO_MANY) {
                    for (Object child : removed) {
                        orphan(relationship, state, child);
                    }
                } else if (relationship.ownsAssociation()) {
                    for (Object target : difference(current, previous)) {
                        inserts.add(new UnitOfWork.AssociationRow(relationship, state.entity(), target));
                    }
                    for (Object target : removed) {
                        deletes.add(new UnitOfWork.AssociationRow(relationship, state.entity(), target));
                    }
                }
            }
        }
        return new UnitOfWork.AssociationChanges(inserts, deletes);
    }

    private void orphan(RelationshipMapping relationship, InstanceState owner, Object child) {
        InstanceState childState = session.stateOf(child);
        if (childState == null || childState.status() == InstanceState.Status.DELETED) {
            return;
        }
        if (relationship.cascades(Cascade.DELETE_ORPHAN)) {
            if (childState.status() == InstanceState.Status.PERSISTENT) {
                session.markDeleted(childState);
            } else {
                session.forgetPending(childState);
            }
        } else if (relationship.inverse().related(child) == owner.entity()) {
            // Removed from the collection without delete-orphan: the child no longer refers to the owner.
            relationship.inverse().setRelated(child, null);
        }
    }

    private static List<Object> difference(List<Object> from, List<Object> minus) {
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

    /** After a successful flush: loaded collections become the new baseline for the next diff. */
    void afterFlush() {
        for (InstanceState state : session.liveStates()) {
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            for (RelationshipMapping relationship : mapper.relationships()) {
                if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE || relationship.isSingleValued()) {
                    continue;
                }
                Object value = relationship.accessor().get(state.entity());
                if (value instanceof PersistentCollection collection && !collection.isLoaded()) {
                    continue;
                }
                List<Object> current = value == null ? List.of() : new ArrayList<>((Collection<?>) value);
                if (!(value instanceof PersistentCollection)) {
                    // From now on the property holds mapper's collection, which keeps back-references in sync.
                    if (relationship.isSet()) {
                        relationship.accessor().set(state.entity(),
                                new PersistentSet<>(state.entity(), current, BackReferences.sync(relationship)));
                    } else {
                        relationship.accessor().set(state.entity(),
                                new PersistentList<>(state.entity(), current, BackReferences.sync(relationship)));
                    }
                }
                state.collectionSnapshot(relationship, current);
            }
        }
    }
}
