package io.mapper.orm.unitofwork;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Connection;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.loading.BackReferences;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.mapping.Lifecycle;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.session.Journal;
import io.mapper.orm.session.SessionObjects;
import io.mapper.orm.state.InstanceState;
import io.mapper.schema.Table;
import io.mapper.sql.Sql;

/**
 * Turns a session's pending, changed and deleted objects into one flush (SQLAlchemy's {@code UOWTransaction}): one
 * pass over the session finds each object's changed columns and, through the {@link DependencyProcessor} of every
 * relationship, its relationship changes and cascades; the processors reconcile both sides of each relationship;
 * then a plan of {@link FlushAction}s in foreign-key order (parents' rows saved first, children's deleted first,
 * rows of one table referring to each other in waves, cycles closed by a post-update) is run through
 * {@link Persistence}. Each object the flush changes is recorded in the transaction's {@link Journal} first, so
 * that a failed flush and a rollback restore it. Holds no state between flushes (each flush has its own
 * {@link FlushContext}), so one instance serves every session of a factory; thread-safe.
 */
public final class UnitOfWork {

    /** How many rows a flush inserted, updated and deleted. */
    public record Outcome(int inserted, int updated, int deleted) {

        /** A flush that had nothing to write. */
        public static final Outcome NOTHING = new Outcome(0, 0, 0);
    }

    private final MapperRegistry registry;
    private final List<EntityListener> listeners;
    private final List<FlushValidator> validators;
    private final int batchSize;
    private final java.time.Clock clock;
    private final Map<Mapper<?>, List<DependencyProcessor>> processors = new java.util.IdentityHashMap<>();
    private final List<DependencyProcessor> allProcessors = new ArrayList<>();
    private final Set<Mapper<?>> postUpdatable = new java.util.HashSet<>();
    /** Whether any validator or {@code @Validates} method exists; fixed with the registry's mappers. */
    private final boolean validates;
    private final List<Mapper<?>> order;

    /** A unit of work over the mappers of {@code registry}, telling {@code listeners} about each write. */
    public UnitOfWork(MapperRegistry registry, List<? extends EntityListener> listeners, int batchSize) {
        this(registry, listeners, List.of(), batchSize);
    }

    /**
     * A unit of work over the mappers of {@code registry}, telling {@code listeners} about each write and checking
     * each object it will write with {@code validators} first.
     */
    public UnitOfWork(MapperRegistry registry, List<? extends EntityListener> listeners,
            List<? extends FlushValidator> validators, int batchSize) {
        this(registry, listeners, validators, batchSize, java.time.Clock.systemUTC());
    }

    /**
     * A unit of work as above whose {@code @CreationTimestamp} and {@code @UpdateTimestamp} properties take their
     * time from {@code clock}.
     */
    public UnitOfWork(MapperRegistry registry, List<? extends EntityListener> listeners,
            List<? extends FlushValidator> validators, int batchSize, java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.registry = registry;
        this.listeners = List.copyOf(listeners);
        this.validators = List.copyOf(validators);
        this.batchSize = batchSize;
        this.validates = !this.validators.isEmpty() || registry.mappers().stream()
                .anyMatch(mapper -> !mapper.lifecycle().validatedProperties().isEmpty());
        for (Mapper<?> mapper : registry.mappers()) {
            List<DependencyProcessor> own = new ArrayList<>();
            for (RelationshipMapping relationship : mapper.relationships()) {
                DependencyProcessor processor = DependencyProcessor.of(relationship);
                own.add(processor);
                allProcessors.add(processor);
            }
            processors.put(mapper, List.copyOf(own));
        }
        // Only a relationship sets a foreign key during the flush: a class that has none and is the target of none
        // cannot need a post-update, so its new rows are not compared again after the INSERT.
        for (Mapper<?> mapper : registry.mappers()) {
            if (!mapper.relationships().isEmpty()) {
                postUpdatable.add(mapper);
            }
            for (RelationshipMapping relationship : mapper.relationships()) {
                for (Mapper<?> other : registry.mappers()) {
                    if (relationship.targetType().isAssignableFrom(other.entityType())
                            || other.entityType().isAssignableFrom(relationship.targetType())) {
                        postUpdatable.add(other);
                    }
                }
            }
        }
        this.order = dependencyOrder(registry);
    }

    private List<DependencyProcessor> processorsOf(Mapper<?> mapper) {
        return processors.getOrDefault(mapper, List.of());
    }

    /**
     * Whether a persistent object has changes a flush would write: a column value, a reference or a loaded
     * collection that differs from what was loaded or last flushed.
     */
    public static boolean isModified(Mapper<?> mapper, InstanceState state) {
        if (!changedSlots(mapper, state).isEmpty()) {
            return true;
        }
        if (!mapper.elementCollections().isEmpty() && ElementCollectionProcessor.isModified(state)) {
            return true;
        }
        for (RelationshipMapping relationship : mapper.relationships()) {
            boolean changed = relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE
                    ? Histories.referenceChanged(state, relationship)
                    : Histories.collectionChange(state, relationship) != null;
            if (changed) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes every change of {@code objects} on the session's connection (asked for only when there is something
     * to write), inside its current transaction, recording each
     * object in {@code journal} before changing it; {@code beforeWrite} runs once when there is something to write.
     */
    public Outcome flush(java.util.function.Supplier<Connection> connection, SessionObjects objects, Journal journal,
            Runnable beforeWrite) {
        if (objects.size() == 0) {
            return Outcome.NOTHING;    // an empty session (a get in a fresh one): nothing to look at
        }
        FlushContext flush = new FlushContext(objects, journal, registry, this::processorsOf);
        // When every tracked object tells the session of its writes (enhanced classes with nothing else to compare),
        // the objects it logged are the only ones that can have changed: the others are not even looked at.
        LoggedFlush logged = LoggedFlush.take(objects, postUpdatable);
        boolean done = false;
        try {
            Outcome outcome = flush(connection, flush, beforeWrite, logged);
            done = true;
            return outcome;
        } finally {
            // Collection columns are assigned afresh by each flush, from the collections as they are then.
            flush.assigned.forEach(InstanceState::clearAssigned);
            if (logged != null) {
                logged.finish(done);
            }
        }
    }

    private Outcome flush(java.util.function.Supplier<Connection> connection, FlushContext flush,
            Runnable beforeWrite, @Nullable LoggedFlush logged) {
        SessionObjects objects = flush.objects;
        if (!objects.deleted().isEmpty()) {
            for (InstanceState deleted : List.copyOf(objects.deleted())) {
                flush.cascadeDeletes(deleted);
            }
        }
        // The one pass over the session: column changes of persistent objects, relationship scan of live ones.
        // A list, not a map by object: each object is looked at once here, and a flush of 100,000 changed objects
        // spent 10 % of its time hashing them into a map and growing it.
        List<Dirty> dirty = new ArrayList<>();
        Collection<InstanceState> candidates = logged != null ? logged.logged() : objects.view();
        for (InstanceState state : candidates) {    // nothing below changes the session while it is read
            if (logged != null && !logged.isCurrent(state)) {
                continue;    // logged, then let go of
            }
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            if (state.status() == InstanceState.Status.PERSISTENT) {
                BitSet changed = changesOf(mapper, state);
                if (changed != null) {
                    dirty.add(new Dirty(state, changed));
                }
            }
            if (state.status() != InstanceState.Status.DELETED && !mapper.relationships().isEmpty()) {
                flush.scan(state);
            }
            scanElements(flush, state);
        }
        while (!flush.toScan.isEmpty()) {
            InstanceState state = flush.toScan.poll();
            scanElements(flush, state);
            if (state.status() != InstanceState.Status.DELETED) {
                for (DependencyProcessor processor : processorsOf((Mapper<?>) state.mapper())) {
                    processor.presortSaves(flush, state);
                }
            }
        }
        for (DependencyProcessor processor : allProcessors) {
            processor.process(flush);
        }
        // References changed by the user or by the reconciliation: their foreign-key columns are written.
        List<InstanceState> touched = new ArrayList<>(flush.referenceChanges.keySet());
        touched.addAll(flush.reconciled);
        Map<InstanceState, Dirty> byObject = touched.isEmpty() ? Map.of() : Dirty.byObject(dirty);
        for (InstanceState state : touched) {
            if (state.status() != InstanceState.Status.PERSISTENT) {
                continue;
            }
            BitSet changed = changedSlots((Mapper<?>) state.mapper(), state);
            for (RelationshipMapping relationship : flush.referenceChanges.getOrDefault(state, List.of())) {
                relationship.foreignKeys().forEach(column -> changed.set(column.slot()));
            }
            if (changed.isEmpty()) {
                continue;
            }
            Dirty known = byObject.get(state);
            if (known != null) {
                known.columns().or(changed);    // its own changes, found above, are among these
            } else {
                Dirty added = new Dirty(state, changed);
                dirty.add(added);
                byObject.put(state, added);
            }
        }
        dirty.removeIf(each -> each.state().status() != InstanceState.Status.PERSISTENT);
        validate(objects.pending(), dirty);
        boolean links = false;
        for (Map<FlushContext.Link, Boolean> each : flush.allLinks().values()) {
            links |= !each.isEmpty();
        }
        if (objects.pending().isEmpty() && objects.deleted().isEmpty() && dirty.isEmpty() && !links
                && flush.snapshotOwners.isEmpty()) {
            return Outcome.NOTHING;
        }
        beforeWrite.run();
        return write(connection.get(), flush, dirty);
    }

    /** Compares a live object's loaded element collections with their snapshots, once per flush. */
    private static void scanElements(FlushContext flush, InstanceState state) {
        if (state.status() != InstanceState.Status.DELETED
                && !((Mapper<?>) state.mapper()).elementCollections().isEmpty() && flush.elementsScanned.add(state)) {
            ElementCollectionProcessor.scan(flush, state);
        }
    }

    /**
     * Runs the {@code @Validates} methods (every validated property of a new object, the changed ones of a changed
     * object) and the validators (Bean Validation), before anything is journaled or written: a failure leaves the
     * session as it was, with nothing to roll back.
     */
    private void validate(Collection<InstanceState> pending, List<Dirty> dirty) {
        if (!validates) {
            return;    // nothing validates anything: no walk over the objects to find that out
        }
        for (InstanceState state : pending) {
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            if (!validators.isEmpty() || !mapper.lifecycle().validatedProperties().isEmpty()) {
                String object = describe(mapper, state);
                for (PropertyMapping property : mapper.lifecycle().validatedProperties()) {
                    mapper.lifecycle().validate(mapper, state.entity(), property, object);
                }
                for (FlushValidator validator : validators) {
                    validator.validate(state.entity(), object);
                }
            }
        }
        for (Dirty entry : dirty) {
            InstanceState state = entry.state();
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            if (validators.isEmpty() && mapper.lifecycle().validatedProperties().isEmpty()) {
                continue;    // nothing to check: no description built for it either
            }
            String object = describe(mapper, state);
            for (PropertyMapping property : mapper.lifecycle().validatedProperties()) {
                if (entry.columns().get(property.slot())) {
                    mapper.lifecycle().validate(mapper, state.entity(), property, object);
                }
            }
            for (FlushValidator validator : validators) {
                validator.validate(state.entity(), object);
            }
        }
    }

    private static String describe(Mapper<?> mapper, InstanceState state) {
        return state.key() == null ? "A new " + mapper.entityName() : String.valueOf(state.key());
    }

    private static void fire(Lifecycle.Event event, InstanceState state) {
        ((Mapper<?>) state.mapper()).lifecycle().fire(event, state.entity());
    }

    private Outcome write(Connection connection, FlushContext flush, List<Dirty> dirty) {
        SessionObjects objects = flush.objects;
        List<InstanceState> pending = List.copyOf(objects.pending());
        List<InstanceState> deleted = List.copyOf(objects.deleted());
        for (InstanceState state : pending) {
            flush.journal.record(state);
            fire(Lifecycle.Event.BEFORE_INSERT, state);
            listeners.forEach(listener -> listener.beforeInsert(state.entity()));
            Stamps.inserted((Mapper<?>) state.mapper(), state, clock);
        }
        Map<Mapper<?>, List<Dirty>> updates = new LinkedHashMap<>();
        Mapper<?> lastMapper = null;
        List<Dirty> lastUpdates = null;
        // Each dirty entry's columns grow in place with what the callbacks change: the list is the flush's changes.
        for (Dirty entry : dirty) {
            InstanceState state = entry.state();
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            flush.journal.record(state);
            BitSet changed = entry.columns();
            if (!listeners.isEmpty() || mapper.lifecycle().has(Lifecycle.Event.BEFORE_UPDATE)) {
                // Callbacks may change the object further (auditing columns): its changes are computed again.
                fire(Lifecycle.Event.BEFORE_UPDATE, state);
                listeners.forEach(listener -> listener.beforeUpdate(state.entity()));
                changed.or(changedSlots(mapper, state));
            }
            Stamps.updated(mapper, state, changed, clock);
            checkKeyUnchanged(mapper, state, changed);
            if (mapper != lastMapper) {    // a run of objects of one class needs no lookup
                lastUpdates = updates.computeIfAbsent(mapper, unused -> new ArrayList<>());
                lastMapper = mapper;
            }
            lastUpdates.add(entry);
        }
        for (InstanceState state : deleted) {
            flush.journal.record(state);
            fire(Lifecycle.Event.BEFORE_DELETE, state);
            listeners.forEach(listener -> listener.beforeDelete(state.entity()));
        }
        if (!flush.snapshotOwners.isEmpty()) {    // an iterator over an empty identity set still allocates
            for (InstanceState owner : flush.snapshotOwners) {
                flush.journal.record(owner);
            }
        }
        List<FlushAction> plan = plan(byMapper(pending), updates, byMapper(deleted), flush);
        for (FlushAction action : plan) {
            action.execute(connection, batchSize);
        }
        postUpdate(connection, pending);
        for (InstanceState state : pending) {
            @SuppressWarnings("unchecked")
            Mapper<Object> mapper = (Mapper<Object>) state.mapper();
            objects.inserted(state, java.util.Objects.requireNonNull(mapper.identityKey(state.entity())));
        }
        for (InstanceState state : deleted) {
            objects.removed(state);
        }
        for (DependencyProcessor processor : allProcessors) {
            processor.afterFlush(flush);
        }
        for (InstanceState state : pending) {
            newSnapshots(state);
        }
        for (InstanceState owner : flush.snapshotOwners) {
            if (owner.status() == InstanceState.Status.PERSISTENT) {
                newSnapshots(owner);
            }
        }
        for (InstanceState state : pending) {
            fire(Lifecycle.Event.AFTER_INSERT, state);
            for (EntityListener listener : listeners) {
                listener.afterInsert(state.entity());
            }
        }
        for (List<Dirty> updated : updates.values()) {
            Mapper<?> mapper = (Mapper<?>) updated.get(0).state().mapper();
            if (listeners.isEmpty() && !mapper.lifecycle().has(Lifecycle.Event.AFTER_UPDATE)) {
                continue;    // no one to tell: no second walk over the objects
            }
            for (Dirty entry : updated) {
                fire(Lifecycle.Event.AFTER_UPDATE, entry.state());
                for (EntityListener listener : listeners) {
                    listener.afterUpdate(entry.state().entity());
                }
            }
        }
        for (InstanceState state : deleted) {
            fire(Lifecycle.Event.AFTER_DELETE, state);
            for (EntityListener listener : listeners) {
                listener.afterDelete(state.entity());
            }
        }
        return new Outcome(pending.size(), dirty.size(), deleted.size());
    }

    /**
     * Rows to UPDATE or DELETE in primary-key order, as SQLAlchemy's persistence sorts them: the order is the same
     * from run to run (so two flushes lock rows in one order and cannot deadlock each other) and walks the table's
     * index in order instead of jumping around it. The session tracks objects by identity, in no useful order.
     */
    private static List<InstanceState> byKey(List<InstanceState> states) {
        return byKey(states, state -> state);
    }

    /** {@code items} in the primary-key order of their objects ({@link #byKey(List)}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> List<T> byKey(List<T> items, Function<T, InstanceState> stateOf) {
        if (items.size() < 2) {
            return items;
        }
        boolean sorted = true;
        Comparable previous = null;
        for (T item : items) {
            InstanceState state = stateOf.apply(item);
            if (state.key() == null || !(state.key().id() instanceof Comparable key)) {
                return items;    // composite or unusual keys keep the session's order
            }
            if (sorted && previous != null && (previous.getClass() != key.getClass() || previous.compareTo(key) > 0)) {
                sorted = false;
            }
            previous = key;
        }
        if (sorted) {
            return items;    // the common case: objects loaded by one query in key order, and tracked in that order
        }
        List<T> result = new ArrayList<>(items);
        result.sort((left, right) -> ((Comparable) stateOf.apply(left).key().id())
                .compareTo(stateOf.apply(right).key().id()));
        return result;
    }

    /**
     * UPDATEs that clear a foreign key come before the others of the same table, so that a one-to-one moved from
     * one row to another frees its unique key before the other row takes it.
     */
    @SuppressWarnings("unchecked")
    private static List<Dirty> clearingFirst(Mapper<?> mapper, List<Dirty> states) {
        if (mapper.relationships().stream().noneMatch(r -> r.kind() == RelationshipMapping.Kind.MANY_TO_ONE)) {
            return states;    // no foreign key of its own to clear
        }
        List<Dirty> clearing = new ArrayList<>();
        List<Dirty> others = new ArrayList<>();
        Mapper<Object> typed = (Mapper<Object>) mapper;
        for (Dirty entry : states) {
            InstanceState state = entry.state();
            BitSet changed = entry.columns();
            boolean clears = false;
            for (RelationshipMapping relationship : mapper.relationships()) {
                if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE
                        && relationship.foreignKeys().stream().anyMatch(column -> changed.get(column.slot())
                                && typed.value(state.entity(), column) == null)) {
                    clears = true;
                }
            }
            (clears ? clearing : others).add(entry);
        }
        if (clearing.isEmpty()) {
            return states;
        }
        clearing.addAll(others);
        return clearing;
    }

    /** Loaded collections become the baseline the next flush compares with. */
    private static void newSnapshots(InstanceState state) {
        Mapper<?> mapper = (Mapper<?>) state.mapper();
        if (!mapper.elementCollections().isEmpty()) {
            ElementCollectionProcessor.newSnapshots(state);
        }
        for (RelationshipMapping relationship : mapper.relationships()) {
            if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
                continue;
            }
            List<Object> current = Histories.current(state.entity(), relationship);
            if (current == null) {
                continue;
            }
            state.collectionSnapshot(relationship, current);
            Object value = relationship.accessor().get(state.entity());
            if (value instanceof java.util.Map<?, ?> map) {
                state.collectionSnapshot(relationship.mapKeySnapshot(), map.keySet());
            }
            if (!relationship.isSingleValued() && !(value instanceof PersistentCollection)) {
                // From now on the property holds mapper's collection, which keeps back-references in step.
                relationship.accessor().set(state.entity(),
                        BackReferences.persistentCollection(relationship, state.entity(), current, value));
            }
        }
    }

    /**
     * The flush plan: per mapper in dependency order its INSERTs and UPDATEs, then association rows removed,
     * then DELETEs in reverse order (children first), then association rows added.
     */
    private List<FlushAction> plan(Map<Mapper<?>, List<InstanceState>> inserts, Map<Mapper<?>, List<Dirty>> updates,
            Map<Mapper<?>, List<InstanceState>> deletes, FlushContext flush) {
        List<FlushAction> plan = new ArrayList<>();
        for (Mapper<?> mapper : order) {
            List<InstanceState> toInsert = inserts.get(mapper);
            if (toInsert != null) {
                // A row that refers to another new row of the same table is inserted in a later statement.
                for (List<InstanceState> wave : waves(mapper, toInsert, false)) {
                    plan.add(new FlushAction.SaveRows(mapper, wave));
                }
            }
            List<Dirty> toUpdate = updates.get(mapper);
            if (toUpdate != null) {
                toUpdate = clearingFirst(mapper, byKey(toUpdate, Dirty::state));
                List<InstanceState> states = new ArrayList<>(toUpdate.size());
                List<BitSet> changedColumns = new ArrayList<>(toUpdate.size());
                for (Dirty entry : toUpdate) {
                    states.add(entry.state());
                    changedColumns.add(entry.columns());
                }
                plan.add(new FlushAction.UpdateRows(mapper, states, changedColumns));
            }
        }
        List<AssociationRow> rowInserts = new ArrayList<>();
        List<AssociationRow> rowDeletes = new ArrayList<>();
        for (Map.Entry<RelationshipMapping, Map<FlushContext.Link, Boolean>> entry : flush.allLinks().entrySet()) {
            for (Map.Entry<FlushContext.Link, Boolean> link : entry.getValue().entrySet()) {
                AssociationRow row = new AssociationRow(entry.getKey(), link.getKey().owner(), link.getKey().target());
                (link.getValue() ? rowInserts : rowDeletes).add(row);
            }
        }
        if (!rowDeletes.isEmpty()) {
            plan.add(new FlushAction.WriteAssociations(rowDeletes, false));
        }
        List<ElementCollectionProcessor.Change> elementChanges = List.copyOf(flush.elementChanges);
        if (!elementChanges.isEmpty()) {
            plan.add(new FlushAction.WriteElements((connection, size) ->
                    ElementCollectionProcessor.deleteChanged(connection, elementChanges, size)));
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Mapper<?> mapper = order.get(i);
            List<InstanceState> toDelete = deletes.get(mapper);
            if (toDelete == null) {
                continue;
            }
            // A deleted object's element-collection rows go first: they refer to its row.
            for (io.mapper.orm.mapping.ElementCollectionMapping collection : mapper.elementCollections()) {
                List<InstanceState> owners = toDelete;
                plan.add(new FlushAction.WriteElements((connection, size) ->
                        ElementCollectionProcessor.deleteOwnersOf(connection, collection, owners)));
            }
            // A deleted object's association rows go first: they refer to its row.
            for (RelationshipMapping relationship : mapper.relationships()) {
                if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_MANY) {
                    plan.add(new FlushAction.UnlinkDeleted(relationship, toDelete));
                }
            }
            // Children are deleted before parents: the child's FK would otherwise reject the parent's DELETE.
            for (List<InstanceState> wave : waves(mapper, byKey(toDelete), true)) {
                plan.add(new FlushAction.DeleteRows(mapper, wave));
            }
        }
        if (!rowInserts.isEmpty()) {
            plan.add(new FlushAction.WriteAssociations(rowInserts, true));
        }
        if (!elementChanges.isEmpty()) {
            plan.add(new FlushAction.WriteElements((connection, size) ->
                    ElementCollectionProcessor.insertChanged(connection, elementChanges, size)));
        }
        return plan;
    }

    /**
     * The post-update: a new row whose reference pointed at a row that was not inserted yet (a row referring to
     * itself, or a cycle of references) was inserted with a NULL foreign key; now that every row has its key, an
     * UPDATE sets it. Such a foreign key must be nullable.
     */
    private void postUpdate(Connection connection, List<InstanceState> inserted) {
        Map<Mapper<?>, List<InstanceState>> byMapper = new LinkedHashMap<>();
        Map<InstanceState, BitSet> pending = new HashMap<>();
        for (InstanceState state : inserted) {
            Mapper<?> mapper = (Mapper<?>) state.mapper();
            if (!postUpdatable.contains(mapper)) {
                continue;
            }
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
        // A unidirectional one-to-many of the table to itself: an element's parent is the owner its collection
        // assigned (an element has no reference of its own).
        List<PropertyMapping> selfCollections = new ArrayList<>();
        for (io.mapper.orm.mapping.RelationshipMapping relationship : mapper.relationships()) {
            if (relationship.isUnidirectional() && relationship.targetType() == mapper.entityType()) {
                selfCollections.add(relationship.joinColumn());
            }
        }
        if (selfReferences.isEmpty() && selfCollections.isEmpty() || states.size() < 2) {
            return List.of(states);
        }
        Map<Object, InstanceState> byEntity = new java.util.IdentityHashMap<>();
        for (InstanceState state : states) {
            byEntity.put(state.entity(), state);
        }
        Map<InstanceState, Integer> depth = new java.util.IdentityHashMap<>();
        int deepest = 0;
        for (InstanceState state : states) {
            deepest = Math.max(deepest, depth(state, byEntity, selfReferences, selfCollections, depth,
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
            List<io.mapper.orm.mapping.RelationshipMapping> selfReferences, List<PropertyMapping> selfCollections,
            Map<InstanceState, Integer> depth, Set<InstanceState> visiting) {
        Integer known = depth.get(state);
        if (known != null) {
            return known;
        }
        visiting.add(state);
        int result = 0;
        List<Object> parents = new ArrayList<>(selfReferences.size() + selfCollections.size());
        for (io.mapper.orm.mapping.RelationshipMapping reference : selfReferences) {
            parents.add(reference.related(state.entity()));
        }
        for (PropertyMapping joinColumn : selfCollections) {
            if (state.isAssigned(joinColumn.slot())) {
                parents.add(state.assigned(joinColumn.slot()));
            } else if (state.committed() != null && state.committed()[joinColumn.slot()] != null) {
                // A row being deleted: its parent is the one its foreign key names, if that is deleted too.
                Object key = state.committed()[joinColumn.slot()];
                for (InstanceState candidate : byEntity.values()) {
                    if (candidate.key() != null && InstanceState.sameValue(candidate.key().id(), key)) {
                        parents.add(candidate.entity());
                    }
                }
            }
        }
        for (Object parent : parents) {
            InstanceState parentState = parent == null || parent == state.entity() ? null : byEntity.get(parent);
            // A reference back into the path is a cycle: that edge is left to the post-update.
            if (parentState != null && !visiting.contains(parentState)) {
                result = Math.max(result, depth(parentState, byEntity, selfReferences, selfCollections, depth,
                        visiting) + 1);
            }
        }
        visiting.remove(state);
        depth.put(state, result);
        return result;
    }

    private static Map<Mapper<?>, List<InstanceState>> byMapper(Collection<InstanceState> states) {
        if (states.isEmpty()) {
            return Map.of();
        }
        Map<Mapper<?>, List<InstanceState>> grouped = new LinkedHashMap<>(4);
        Mapper<?> last = null;
        List<InstanceState> group = null;
        for (InstanceState state : states) {
            if (state.mapper() != last) {    // a run of objects of one class needs no lookup
                last = (Mapper<?>) state.mapper();
                group = grouped.computeIfAbsent(last, unused -> new ArrayList<>());
            }
            group.add(state);
        }
        return grouped;
    }

    /**
     * Mappers ordered so that a table comes after the tables its foreign keys refer to. A mapper goes by the last
     * table it writes (a joined-table subclass's own, after its superclasses'); the classes of a single-table
     * hierarchy share their table and keep the registry's order.
     */
    private static List<Mapper<?>> dependencyOrder(MapperRegistry registry) {
        Map<Table, List<Mapper<?>>> byTable = new HashMap<>();
        for (Mapper<?> mapper : registry.mappers()) {
            List<io.mapper.orm.mapping.TablePart> parts = mapper.tableParts();
            byTable.computeIfAbsent(parts.get(parts.size() - 1).table(), unused -> new ArrayList<>()).add(mapper);
        }
        List<Mapper<?>> order = new ArrayList<>();
        for (Table table : registry.metadata().sortedTables()) {
            order.addAll(byTable.getOrDefault(table, List.of()));
        }
        return order;
    }

    @SuppressWarnings("unchecked")
    static <E> BitSet changedSlots(Mapper<E> mapper, InstanceState state) {
        BitSet changed = changesOf(mapper, state);
        return changed == null ? new BitSet() : changed;
    }

    /** The changed slots of a persistent object, or null when nothing changed. */
    @SuppressWarnings("unchecked")
    private static <E> @Nullable BitSet changesOf(Mapper<E> mapper, InstanceState state) {
        return mapper.changes((E) state.entity(), state);
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
