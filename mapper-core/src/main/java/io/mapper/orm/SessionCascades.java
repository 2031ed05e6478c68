package io.mapper.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;

/**
 * The session operations that follow relationships through their cascades without writing: {@code merge} (the
 * MERGE cascade) and {@code expunge} (REFRESH_EXPUNGE). Package-private; owned by one {@link DefaultSession}.
 */
final class SessionCascades {

    private final DefaultSession session;

    SessionCascades(DefaultSession session) {
        this.session = session;
    }

    /**
     * Merges one object and, through relationships with the MERGE cascade, the objects it refers to; references
     * and collections without the cascade point at the session's own instances of the same rows. {@code merged}
     * maps the objects merged so far to their session instances (so cycles end).
     */
    @SuppressWarnings("unchecked")
    <E> E merge(E entity, Map<Object, Object> merged) {
        Object done = merged.get(entity);
        if (done != null) {
            return (E) done;
        }
        InstanceState tracked = session.objects().stateOf(entity);
        if (tracked != null) {
            return entity;
        }
        Mapper<E> mapper = (Mapper<E>) (Mapper<?>) session.factory().mapperOf(entity);
        IdentityKey key = mapper.identityKey(entity);
        E target = null;
        if (key != null) {
            InstanceState state = session.objects().get(key);
            if (state != null && !state.isExpired()) {
                target = mapper.entityType().cast(state.entity());
            } else {
                session.autoflushIfEnabled();
                target = session.get(mapper.entityType(), key.id());
            }
        }
        boolean created = target == null;
        if (created) {
            target = mapper.newInstance();
        }
        merged.put(entity, target);
        mapper.populate(target, mapper.snapshotOf(mapper.values(entity)));
        mergeRelationships(mapper, entity, target, merged);
        if (created) {
            session.track(new InstanceState(target, mapper, InstanceState.Status.PENDING));
        }
        return target;
    }

    private <E> void mergeRelationships(Mapper<E> mapper, E source, E target, Map<Object, Object> merged) {
        for (io.mapper.orm.mapping.ElementCollectionMapping collection : mapper.elementCollections()) {
            // Values have no identity: a loaded collection's elements are copied, and the flush writes the difference.
            Object value = collection.accessor().get(source);
            if (value instanceof Collection<?> elements && !(value instanceof io.mapper.orm.loading.PersistentCollection
                    persistent && !persistent.isLoaded())) {
                collection.accessor().set(target, collection.isSet() ? new java.util.LinkedHashSet<>(elements)
                        : new ArrayList<>(elements));
            }
        }
        for (io.mapper.orm.mapping.RelationshipMapping relationship : mapper.relationships()) {
            boolean cascade = relationship.cascades(io.mapper.orm.annotation.Cascade.MERGE);
            if (relationship.kind() == io.mapper.orm.mapping.RelationshipMapping.Kind.MANY_TO_ONE) {
                if (relationship.unloadedKey(source) != null) {
                    continue;    // an unloaded holder: the foreign key was copied with the columns
                }
                Object related = relationship.related(source);
                relationship.setRelated(target, related == null ? null
                        : cascade ? merge(related, merged) : sessionInstance(related, merged));
                continue;
            }
            Object value = relationship.accessor().get(source);
            if (value == null || value instanceof io.mapper.orm.loading.PersistentCollection collection
                    && !collection.isLoaded()) {
                continue;    // nothing loaded to merge: the session's collection stays as it is
            }
            // With MERGE each element's state is merged too; without it the collection is copied as which rows it
            // holds, each element being the session's own instance of its row (JPA's rule), so that a change of
            // membership is not dropped and an element's unset properties are not written over its row.
            Collection<?> elements = relationship.isSingleValued() ? List.of(value)
                    : java.util.Objects.requireNonNull(io.mapper.orm.mapping.RelationshipMapping.elementsOf(value));
            List<Object> targets = new ArrayList<>(elements.size());
            for (Object element : elements) {
                targets.add(cascade ? merge(element, merged) : sessionInstance(element, merged));
            }
            if (relationship.isSingleValued()) {
                relationship.accessor().set(target, targets.isEmpty() ? null : targets.get(0));
            } else if (value instanceof Map<?, ?> map) {
                Map<Object, Object> keyed = new java.util.LinkedHashMap<>();
                java.util.Iterator<Object> merges = targets.iterator();
                for (Object key : map.keySet()) {
                    keyed.put(key, merges.next());    // values() and keySet() iterate in the same order
                }
                relationship.accessor().set(target, keyed);
            } else if (relationship.isSet()) {
                relationship.accessor().set(target, new java.util.LinkedHashSet<>(targets));
            } else {
                relationship.accessor().set(target, targets);
            }
        }
    }

    /** This session's instance of the row {@code detached} stands for (loading it), or the object itself. */
    @SuppressWarnings("unchecked")
    private Object sessionInstance(Object detached, Map<Object, Object> merged) {
        Object alreadyMerged = merged.get(detached);
        if (alreadyMerged != null) {
            return alreadyMerged;
        }
        if (session.objects().contains(detached)) {
            return detached;
        }
        Mapper<Object> mapper = session.factory().mapperOf(detached);
        IdentityKey key = mapper.identityKey(detached);
        if (key == null) {
            return detached;
        }
        Object found = session.get(mapper.entityType(), key.id());
        return found == null ? detached : found;
    }

    /** Forgets the object and, through REFRESH_EXPUNGE (or ALL) cascades, its loaded related objects. */
    void expunge(InstanceState state) {
        session.objects().forget(state);
        Mapper<?> mapper = (Mapper<?>) state.mapper();
        for (io.mapper.orm.mapping.RelationshipMapping relationship : mapper.relationships()) {
            if (!relationship.cascades(io.mapper.orm.annotation.Cascade.REFRESH_EXPUNGE)) {
                continue;
            }
            Object value = relationship.kind() == io.mapper.orm.mapping.RelationshipMapping.Kind.MANY_TO_ONE
                    ? relationship.related(state.entity()) : relationship.accessor().get(state.entity());
            if (value == null || value instanceof io.mapper.orm.loading.PersistentCollection collection
                    && !collection.isLoaded()) {
                continue;
            }
            Collection<?> related = relationship.isSingleValued() ? List.of(value)
                    : java.util.Objects.requireNonNull(io.mapper.orm.mapping.RelationshipMapping.elementsOf(value));
            for (Object element : related) {
                InstanceState elementState = element == null ? null : session.objects().stateOf(element);
                if (elementState != null) {
                    expunge(elementState);
                }
            }
        }
    }

    /**
     * The save-update cascade at {@code add()} (SQLAlchemy cascades when an object is added, not only at flush):
     * new objects reachable through SAVE_UPDATE relationships, as loaded now, become pending too. Objects that
     * already have a database key are left to the flush, which reports them.
     */
    void saveUpdate(InstanceState state) {
        Mapper<?> mapper = (Mapper<?>) state.mapper();
        for (io.mapper.orm.mapping.RelationshipMapping relationship : mapper.relationships()) {
            if (!relationship.cascades(io.mapper.orm.annotation.Cascade.SAVE_UPDATE)) {
                continue;
            }
            for (Object related : loadedRelated(relationship, state.entity())) {
                if (!session.objects().contains(related) && session.factory().mapperOf(related).identityKey(related) == null) {
                    session.add(related);
                }
            }
        }
    }

    /**
     * The delete cascade at {@code delete()}: loaded objects reachable through DELETE relationships are marked for
     * deletion too (pending ones are forgotten); unloaded collections are loaded and cascaded at flush.
     */
    void delete(InstanceState state) {
        Mapper<?> mapper = (Mapper<?>) state.mapper();
        for (io.mapper.orm.mapping.RelationshipMapping relationship : mapper.relationships()) {
            if (!relationship.cascades(io.mapper.orm.annotation.Cascade.DELETE)) {
                continue;
            }
            for (Object related : loadedRelated(relationship, state.entity())) {
                InstanceState relatedState = session.objects().stateOf(related);
                if (relatedState != null && relatedState.status() != InstanceState.Status.DELETED) {
                    session.delete(related);
                }
            }
        }
    }

    /** The related objects of a relationship as loaded now, without loading anything. */
    private static List<Object> loadedRelated(io.mapper.orm.mapping.RelationshipMapping relationship, Object entity) {
        Object value = relationship.kind() == io.mapper.orm.mapping.RelationshipMapping.Kind.MANY_TO_ONE
                ? relationship.related(entity) : relationship.accessor().get(entity);
        if (value == null || value instanceof io.mapper.orm.loading.PersistentCollection collection
                && !collection.isLoaded()) {
            return List.of();
        }
        Collection<?> elements = io.mapper.orm.mapping.RelationshipMapping.elementsOf(value);
        if (relationship.isSingleValued() || elements == null) {
            return List.of(value);
        }
        return new ArrayList<>(elements);
    }
}
