package io.mapper.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.engine.Result;
import io.mapper.engine.Row;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.PendingRollbackException;
import io.mapper.exception.ResourceClosedException;
import io.mapper.orm.loading.EntityLoader;
import io.mapper.orm.loading.LoadContext;
import io.mapper.orm.loading.Loaded;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.IdentityMap;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.unitofwork.UnitOfWork;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Condition;
import io.mapper.sql.Executable;
import io.mapper.sql.Expression;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;

/** The {@link Session} that {@link SessionFactory#open()} returns; see {@link Session} for the contract. */
final class DefaultSession implements Session {

    /** A write this transaction made, kept so that a rollback can restore the objects. */
    private record LogEntry(InstanceState state, InstanceState.Status statusBefore,
            @Nullable Object @Nullable [] committedBefore, @Nullable Object[] valuesBefore) {
    }

    private final SessionFactory factory;
    private final MapperRegistry registry;
    private final UnitOfWork unitOfWork;
    private final Relationships relationships = new Relationships(this);
    private final EntityLoader loader = new EntityLoader(new Context());
    private final IdentityMap identityMap = new IdentityMap();
    private final Map<Object, InstanceState> states = new IdentityHashMap<>();
    private final LinkedHashSet<InstanceState> pending = new LinkedHashSet<>();
    private final LinkedHashSet<InstanceState> deleted = new LinkedHashSet<>();
    private final List<LogEntry> log = new ArrayList<>();
    private final AtomicReference<@Nullable Thread> activeThread = new AtomicReference<>();
    private int depth;
    private @Nullable Connection connection;
    private @Nullable RuntimeException failure;
    private boolean autoflush;
    private boolean flushing;
    private boolean closed;

    DefaultSession(SessionFactory factory) {
        this.factory = factory;
        this.registry = factory.registry();
        this.unitOfWork = new UnitOfWork(registry, factory.listeners(), factory.batchSize());
        this.autoflush = factory.autoflush();
    }

    // ---- adding, getting, deleting ----

    /** Adds a new object; it is INSERTed at the next flush. Adding an object the session already tracks does nothing. */
    @Override
    public void add(Object entity) {
        enter();
        try {
            addInternal(entity);
        } finally {
            exit();
        }
    }

    /** Adds several new objects. */
    @Override
    public void addAll(Collection<?> entities) {
        Objects.requireNonNull(entities, "entities must not be null");
        enter();
        try {
            for (Object entity : entities) {
                addInternal(entity);
            }
        } finally {
            exit();
        }
    }

    private void addInternal(@Nullable Object entity) {
        Objects.requireNonNull(entity, "Cannot add null to a session.");
        InstanceState existing = states.get(entity);
        if (existing != null) {
            if (existing.status() == InstanceState.Status.DELETED) {
                throw new InvalidRequestException(existing + " is marked for deletion in this session; it cannot "
                        + "be added again before the flush. Flush first, or do not delete it.");
            }
            return;
        }
        Mapper<Object> mapper = mapperOf(entity);
        IdentityKey key = mapper.identityKey(entity);
        if (key != null) {
            boolean generated = mapper.primaryKey().stream().anyMatch(property -> property.generation() != null
                    && property.generation() != io.mapper.orm.annotation.GenerationStrategy.UUID);
            if (generated) {
                throw new InvalidRequestException(key + " already has a generated primary key, so it came from "
                        + "a database: it is detached, not new. Use session.merge(object) to bring it into this "
                        + "session.");
            }
            InstanceState other = identityMap.get(key);
            if (other != null) {
                throw new InvalidRequestException("Another instance with the key " + key + " is already in this "
                        + "session. Change the existing instance instead, or merge() this one.");
            }
        }
        InstanceState state = new InstanceState(entity, mapper, InstanceState.Status.PENDING);
        states.put(entity, state);
        pending.add(state);
    }

    /**
     * The object with this primary key (a {@code List} of values for a composite key): from the identity map
     * without SQL when it is there and current, else by SELECT; null when no such row exists.
     */
    @Override
    public <E> @Nullable E get(Class<E> entityType, Object id) {
        Objects.requireNonNull(id, () -> "Cannot get a " + entityType.getSimpleName() + " with a null id.");
        enter();
        try {
            Mapper<E> mapper = registry.mapper(entityType);
            IdentityKey key = mapper.identityKeyOf(id);
            InstanceState state = identityMap.get(key);
            if (state != null && !state.isExpired()) {
                return state.status() == InstanceState.Status.DELETED ? null : entityType.cast(state.entity());
            }
            autoflushIfEnabled();
            List<E> found = load(mapper, selectFor(mapper).where(keyConditions(mapper, key)), true);
            if (found.isEmpty()) {
                if (state != null) {
                    forget(state);
                }
                return null;
            }
            return found.get(0);
        } finally {
            exit();
        }
    }

    /** Marks a persistent object for deletion at the next flush; a pending object is simply forgotten. */
    @Override
    public void delete(Object entity) {
        Objects.requireNonNull(entity, "Cannot delete null.");
        enter();
        try {
            InstanceState state = states.get(entity);
            if (state == null) {
                throw new InvalidRequestException(describe(entity) + " is not in this session, so it cannot be "
                        + "deleted here. Load it with session.get(...) first, or merge() it.");
            }
            if (state.status() == InstanceState.Status.PENDING) {
                pending.remove(state);
                states.remove(entity);
                return;
            }
            if (state.status() == InstanceState.Status.PERSISTENT) {
                state.status(InstanceState.Status.DELETED);
                deleted.add(state);
            }
        } finally {
            exit();
        }
    }

    /**
     * Copies the state of a detached or new object onto this session's instance with the same key (loading it if
     * needed) and returns that instance; without a row, a new pending instance is created. The argument itself
     * is not tracked.
     */
    @Override
    public <E> E merge(E entity) {
        Objects.requireNonNull(entity, "Cannot merge null.");
        enter();
        try {
            return mergeInternal(entity, new IdentityHashMap<>());
        } finally {
            exit();
        }
    }

    /**
     * Merges one object and, through relationships with the MERGE cascade, the objects it refers to; references
     * without the cascade point at the session's own instance of the same row. {@code merged} maps the objects
     * merged so far to their session instances (so cycles end).
     */
    @SuppressWarnings("unchecked")
    private <E> E mergeInternal(E entity, Map<Object, Object> merged) {
        Object done = merged.get(entity);
        if (done != null) {
            return (E) done;
        }
        InstanceState tracked = states.get(entity);
        if (tracked != null) {
            return entity;
        }
        Mapper<E> mapper = (Mapper<E>) mapperOf(entity);
        IdentityKey key = mapper.identityKey(entity);
        E target = null;
        if (key != null) {
            InstanceState state = identityMap.get(key);
            if (state != null && !state.isExpired()) {
                target = mapper.entityType().cast(state.entity());
            } else {
                autoflushIfEnabled();
                List<E> found = load(mapper, selectFor(mapper).where(keyConditions(mapper, key)), true);
                target = found.isEmpty() ? null : found.get(0);
            }
        }
        boolean created = target == null;
        if (created) {
            target = mapper.newInstance();
        }
        merged.put(entity, target);
        mapper.populate(target, mapper.values(entity));
        mergeRelationships(mapper, entity, target, merged);
        if (created) {
            InstanceState state = new InstanceState(target, mapper, InstanceState.Status.PENDING);
            states.put(target, state);
            pending.add(state);
        }
        return target;
    }

    private <E> void mergeRelationships(Mapper<E> mapper, E source, E target, Map<Object, Object> merged) {
        for (io.mapper.orm.mapping.RelationshipMapping relationship : mapper.relationships()) {
            boolean cascade = relationship.cascades(io.mapper.orm.annotation.Cascade.MERGE);
            if (relationship.kind() == io.mapper.orm.mapping.RelationshipMapping.Kind.MANY_TO_ONE) {
                if (relationship.unloadedKey(source) != null) {
                    continue;    // an unloaded holder: the foreign key was copied with the columns
                }
                Object related = relationship.related(source);
                relationship.setRelated(target, related == null ? null
                        : cascade ? mergeInternal(related, merged) : sessionInstance(related, merged));
                continue;
            }
            if (!cascade) {
                continue;
            }
            Object value = relationship.accessor().get(source);
            if (value == null || value instanceof io.mapper.orm.loading.PersistentCollection collection
                    && !collection.isLoaded()) {
                continue;    // nothing loaded to merge: the session's collection stays as it is
            }
            Collection<?> elements = relationship.isSingleValued() ? List.of(value) : (Collection<?>) value;
            List<Object> targets = new ArrayList<>(elements.size());
            for (Object element : elements) {
                targets.add(mergeInternal(element, merged));
            }
            if (relationship.isSingleValued()) {
                relationship.accessor().set(target, targets.isEmpty() ? null : targets.get(0));
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
        if (states.containsKey(detached)) {
            return detached;
        }
        Mapper<Object> mapper = mapperOf(detached);
        IdentityKey key = mapper.identityKey(detached);
        if (key == null) {
            return detached;
        }
        Object found = get(mapper.entityType(), key.id());
        return found == null ? detached : found;
    }

    /** Reloads a persistent object's values from the database, discarding unflushed changes to it. */
    @Override
    public void refresh(Object entity) {
        enter();
        try {
            InstanceState state = requirePersistent(entity, "refresh");
            state.expire();
            Mapper<Object> mapper = mapperOf(entity);
            IdentityKey key = Objects.requireNonNull(state.key());
            if (load(mapper, selectFor(mapper).where(keyConditions(mapper, key)), false).isEmpty()) {
                forget(state);
                throw new InvalidRequestException(key + " no longer exists in the database; it was deleted by "
                        + "another transaction. It is now detached from this session.");
            }
        } finally {
            exit();
        }
    }

    /** Removes an object from the session without touching the database; it becomes detached (or transient). */
    @Override
    public void expunge(Object entity) {
        enter();
        try {
            InstanceState state = states.get(entity);
            if (state == null) {
                throw new InvalidRequestException(describe(entity) + " is not in this session.");
            }
            expungeCascading(state);
        } finally {
            exit();
        }
    }

    /** Forgets the object and, through REFRESH_EXPUNGE (or ALL) cascades, its loaded related objects. */
    private void expungeCascading(InstanceState state) {
        forget(state);
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
            Collection<?> related = relationship.isSingleValued() ? List.of(value) : (Collection<?>) value;
            for (Object element : related) {
                InstanceState elementState = element == null ? null : states.get(element);
                if (elementState != null) {
                    expungeCascading(elementState);
                }
            }
        }
    }

    /** Where the object stands relative to this session. */
    @Override
    public EntityState state(Object entity) {
        checkOpen();
        InstanceState state = states.get(entity);
        if (state == null) {
            Mapper<Object> mapper = mapperOf(entity);
            return mapper.identityKey(entity) == null ? EntityState.TRANSIENT : EntityState.DETACHED;
        }
        return switch (state.status()) {
            case PENDING -> EntityState.PENDING;
            case PERSISTENT -> EntityState.PERSISTENT;
            case DELETED -> EntityState.DELETED;
        };
    }

    /** Whether the object has changes the next flush would write (always true for pending and deleted objects). */
    @Override
    public boolean isModified(Object entity) {
        checkOpen();
        InstanceState state = states.get(entity);
        if (state == null) {
            throw new InvalidRequestException(describe(entity) + " is not in this session.");
        }
        return state.status() != InstanceState.Status.PERSISTENT
                || UnitOfWork.isModified((Mapper<?>) state.mapper(), state);
    }

    /** Whether the session tracks this object. */
    @Override
    public boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    // ---- queries ----

    /**
     * Runs an entity query and returns the tracked instances, one per row key, in row order, with their
     * relationships loaded as the mappings' strategies and the query's {@code options(...)} say.
     */
    @Override
    public <E> EntityResult<E> scalars(EntitySelect<E> query) {
        enter();
        try {
            autoflushIfEnabled();
            Mapper<E> mapper = registry.mapper(query.entityType());
            EntityLoader.Result result = loader.query(mapper, toCore(mapper, query), LoadOption.plan(query));
            List<E> roots = new ArrayList<>(result.rows().size());
            for (Loaded row : result.rows()) {
                roots.add(mapper.entityType().cast(row.state().entity()));
            }
            return new EntityResult<>(roots, result.statement());
        } finally {
            exit();
        }
    }

    /** A fluent query in the style of SQLAlchemy's {@code session.query(User)}. */
    @Override
    public <E> Query<E> query(Class<E> entityType) {
        checkOpen();
        registry.mapper(entityType);
        return new Query<>(this, Orm.select(entityType));
    }

    /** Executes a Core statement (a projection, a bulk UPDATE or DELETE, text) in the session's transaction. */
    @Override
    public Result<Row> execute(Executable statement) {
        return execute(statement, Map.of());
    }

    /** Executes a Core statement with parameters in the session's transaction. */
    @Override
    public Result<Row> execute(Executable statement, Map<String, ?> parameters) {
        enter();
        try {
            autoflushIfEnabled();
            Result<Row> result = connection().execute(statement, parameters);
            if (statement.operation() == io.mapper.sql.Operation.UPDATE
                    || statement.operation() == io.mapper.sql.Operation.DELETE) {
                // A bulk write may have changed any loaded object: reload them the next time they are returned.
                expireAll();
            }
            return result;
        } finally {
            exit();
        }
    }

    /** Counts the rows an entity query would return. */
    <E> long count(EntitySelect<E> query) {
        enter();
        try {
            autoflushIfEnabled();
            Mapper<E> mapper = registry.mapper(query.entityType());
            Select select = Sql.select(Sql.count()).from(mapper.table());
            select = applyClauses(select, query, false);
            Long count = connection().execute(new OrmStatement(select, mapper.entityName())).scalar(Long.class);
            return count == null ? 0 : count;
        } finally {
            exit();
        }
    }

    Mapper<?> mapperFor(Class<?> entityType) {
        return registry.mapper(entityType);
    }

    <E> Select selectFor(Mapper<E> mapper) {
        return EntityLoader.selectFor(mapper);
    }

    private <E> Select toCore(Mapper<E> mapper, EntitySelect<E> query) {
        return applyClauses(selectFor(mapper), query, true);
    }

    private static Select applyClauses(Select select, EntitySelect<?> query, boolean withPaging) {
        Select result = select;
        for (EntitySelect.JoinSpec join : query.joins()) {
            if (join.on() == null) {
                result = result.join(join.table());
            } else if (join.outer()) {
                result = result.outerJoin(join.table(), join.on());
            } else {
                result = result.join(join.table(), join.on());
            }
        }
        if (!query.whereConditions().isEmpty()) {
            result = result.where(query.whereConditions().toArray(Condition[]::new));
        }
        if (withPaging) {
            if (!query.orderByItems().isEmpty()) {
                result = result.orderBy(query.orderByItems().toArray(ClauseElement[]::new));
            }
            if (query.limitValue() != null) {
                result = result.limit(query.limitValue());
            }
            if (query.offsetValue() != null) {
                result = result.offset(query.offsetValue());
            }
        }
        return result;
    }

    private static Condition[] keyConditions(Mapper<?> mapper, IdentityKey key) {
        List<PropertyMapping> keys = mapper.primaryKey();
        List<?> values = keys.size() == 1 ? java.util.Collections.singletonList(key.id()) : (List<?>) key.id();
        Condition[] conditions = new Condition[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            conditions[i] = ((Expression<?>) keys.get(i).column()).eq(values.get(i));
        }
        return conditions;
    }

    private <E> List<E> load(Mapper<E> mapper, Select select, boolean skipDeleted) {
        List<E> loaded = new ArrayList<>();
        for (Loaded row : loader.load(mapper, select)) {
            InstanceState state = row.state();
            if (!(skipDeleted && state.status() == InstanceState.Status.DELETED)) {
                loaded.add(mapper.entityType().cast(state.entity()));
            }
        }
        return loaded;
    }

    /**
     * The instance for the row's columns from {@code offset}: the one already in the identity map (refreshed if
     * expired), or a new one. The snapshot keeps foreign keys as the row had them.
     */
    @SuppressWarnings("unchecked")
    private Loaded loadRow(Mapper<?> anyMapper, Row row, int offset) {
        Mapper<Object> mapper = (Mapper<Object>) anyMapper;
        int size = mapper.properties().size();
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
            values[i] = row.get(offset + i);
        }
        IdentityKey key = mapper.identityKey(values);
        InstanceState state = identityMap.get(key);
        if (state != null) {
            if (!state.isExpired()) {
                return new Loaded(state, false);
            }
            mapper.populate(state.entity(), values);
            state.committed(snapshot(mapper, state.entity(), values));
            return new Loaded(state, true);
        }
        Object entity = mapper.newInstance();
        mapper.populate(entity, values);
        state = new InstanceState(entity, mapper, InstanceState.Status.PERSISTENT);
        state.key(key);
        state.committed(snapshot(mapper, entity, values));
        identityMap.put(state);
        states.put(entity, state);
        return new Loaded(state, true);
    }

    private static Object[] snapshot(Mapper<Object> mapper, Object entity, Object[] row) {
        Object[] snapshot = mapper.values(entity);
        for (PropertyMapping property : mapper.properties()) {
            if (mapper.isForeignKeySlot(property.slot())) {
                snapshot[property.slot()] = io.mapper.types.Conversions.convert(row[property.slot()],
                        property.column().type().javaType());
            }
        }
        return snapshot;
    }

    /** What the loader strategies use of this session. */
    private final class Context implements LoadContext {

        @Override
        public Iterable<Row> execute(Select select, String entityName) {
            return connection().execute(new OrmStatement(select, entityName));
        }

        @Override
        public Loaded load(Mapper<?> mapper, Row row, int offset) {
            return loadRow(mapper, row, offset);
        }

        @Override
        public IdentityMap identityMap() {
            return identityMap;
        }

        @Override
        public boolean isAttached(Object entity) {
            return !closed && states.containsKey(entity);
        }

        @Override
        public @Nullable Object get(Class<?> entityType, Object id) {
            return DefaultSession.this.get(entityType, id);
        }

        @Override
        public Object lazyReference(Object id, Supplier<@Nullable Object> load) {
            return Ref.lazy(id, load);
        }

        @Override
        public void lazyLoaded(InstanceState owner, io.mapper.orm.mapping.RelationshipMapping relationship) {
            for (SessionListener listener : factory.listeners()) {
                listener.lazyLoad(DefaultSession.this, ((Mapper<?>) owner.mapper()).entityName(),
                        relationship.name());
            }
        }

        @Override
        public RuntimeException detached(String message) {
            return new DetachedInstanceException(message);
        }

        @Override
        public boolean raiseOnLazyLoad() {
            return factory.raiseOnLazyLoad();
        }

        @Override
        public int lazyLoadWarningThreshold() {
            return factory.lazyLoadWarningThreshold();
        }
    }

    // ---- for Relationships ----

    IdentityMap identityMap() {
        return identityMap;
    }

    @Nullable InstanceState stateOf(Object entity) {
        return states.get(entity);
    }

    void markDeleted(InstanceState state) {
        state.status(InstanceState.Status.DELETED);
        deleted.add(state);
    }

    void forgetPending(InstanceState state) {
        pending.remove(state);
        states.remove(state.entity());
    }

    List<InstanceState> deletedStates() {
        return new ArrayList<>(deleted);
    }

    /** Pending and persistent states (not deleted). */
    List<InstanceState> liveStates() {
        List<InstanceState> live = new ArrayList<>(pending);
        for (InstanceState state : identityMap.all()) {
            if (state.status() == InstanceState.Status.PERSISTENT) {
                live.add(state);
            }
        }
        return live;
    }

    InstanceState addCascaded(Object entity, io.mapper.orm.mapping.RelationshipMapping through) {
        try {
            addInternal(entity);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("Cascading from " + through + " to " + describe(entity) + " failed: "
                    + e.getMessage(), e);
        }
        return java.util.Objects.requireNonNull(states.get(entity));
    }

    /** How many times each relationship was lazy-loaded in this session (the N+1 signal). */
    @Override
    public java.util.Map<String, Integer> lazyLoadCounts() {
        return loader.lazyLoadCounts();
    }

    // ---- flush and transactions ----

    /** Writes all pending changes in the current transaction, without committing. */
    @Override
    public void flush() {
        enter();
        try {
            flushInternal();
        } finally {
            exit();
        }
    }

    private void flushInternal() {
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            UnitOfWork.AssociationChanges associations = relationships.prepareFlush();
            List<InstanceState> persistent = new ArrayList<>();
            for (InstanceState state : identityMap.all()) {
                if (state.status() == InstanceState.Status.PERSISTENT) {
                    persistent.add(state);
                }
            }
            if (pending.isEmpty() && deleted.isEmpty() && associations.isEmpty() && persistent.stream().noneMatch(
                    state -> UnitOfWork.isModified((Mapper<?>) state.mapper(), state))) {
                return;
            }
            for (SessionListener listener : factory.listeners()) {
                listener.beforeFlush(this);
            }
            Connection conn = connection();
            for (InstanceState state : pending) {
                journal(state);
            }
            for (InstanceState state : deleted) {
                journal(state);
            }
            UnitOfWork.Outcome outcome;
            try {
                outcome = unitOfWork.flush(conn, List.copyOf(pending), persistent, List.copyOf(deleted),
                        this::journal, associations);
            } catch (RuntimeException e) {
                failure = e;
                // Issue 6: a transaction manager outside mapper (Spring) owns an externally managed connection's
                // transaction and rolls it back when the exception reaches it; tell listeners the flush failed.
                if (!conn.isExternallyManaged()) {
                    try {
                        conn.rollback();
                    } catch (RuntimeException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                }
                for (SessionListener listener : factory.listeners()) {
                    listener.flushFailed(this, e);
                }
                throw e;
            }
            for (InstanceState state : outcome.inserted()) {
                pending.remove(state);
                state.status(InstanceState.Status.PERSISTENT);
                @SuppressWarnings("unchecked")
                Mapper<Object> mapper = (Mapper<Object>) state.mapper();
                state.key(mapper.identityKey(state.entity()));
                identityMap.put(state);
            }
            for (InstanceState state : outcome.deleted()) {
                deleted.remove(state);
                if (state.key() != null) {
                    identityMap.remove(state.key());
                }
                states.remove(state.entity());
            }
            relationships.afterFlush();
            for (SessionListener listener : factory.listeners()) {
                listener.afterFlush(this);
            }
        } finally {
            flushing = false;
        }
    }

    private void journal(InstanceState state) {
        @SuppressWarnings("unchecked")
        Mapper<Object> mapper = (Mapper<Object>) state.mapper();
        log.add(new LogEntry(state, state.status(), state.committed(), mapper.values(state.entity())));
    }

    /** Flushes and commits; loaded objects stay usable and are reloaded the next time a query returns them. */
    @Override
    public void commit() {
        enter();
        try {
            flushInternal();
            if (connection != null) {
                connection.commit();
                releaseConnection();
            }
            log.clear();
            expireAll();
        } finally {
            exit();
        }
    }

    /**
     * Rolls back the transaction and restores the session: objects inserted in it are pending again (generated
     * keys cleared), deleted ones are persistent again, and every loaded object is expired. Also the way out of a
     * failed flush.
     */
    @Override
    public void rollback() {
        checkOpen();
        enterThread();
        try {
            if (connection != null) {
                try {
                    connection.rollback();
                } catch (RuntimeException e) {
                    // A broken connection has nothing left to roll back; it is discarded on release.
                }
                releaseConnection();
            }
            restoreTo(0);
            failure = null;
        } finally {
            exit();
        }
    }

    /** Flushes and opens a nested transaction (a SAVEPOINT). */
    @Override
    public SessionTransaction beginNested() {
        enter();
        try {
            flushInternal();
            return new SessionTransaction(this, connection().beginNested(), log.size());
        } finally {
            exit();
        }
    }

    /** Undoes, in memory, the writes journaled after {@code mark}: the database side was rolled back already. */
    void restoreTo(int mark) {
        for (int i = log.size() - 1; i >= mark; i--) {
            LogEntry entry = log.remove(i);
            InstanceState state = entry.state();
            @SuppressWarnings("unchecked")
            Mapper<Object> mapper = (Mapper<Object>) state.mapper();
            if (entry.statusBefore() == InstanceState.Status.PENDING) {
                if (state.key() != null) {
                    identityMap.remove(state.key());
                }
                state.key(null);
                state.restoreCommitted(null);
                state.status(InstanceState.Status.PENDING);
                restoreGenerated(mapper, state.entity(), entry.valuesBefore());
                states.put(state.entity(), state);
                pending.add(state);
            } else {
                state.restoreCommitted(entry.committedBefore());
                restoreGenerated(mapper, state.entity(), entry.valuesBefore());
                if (entry.statusBefore() == InstanceState.Status.DELETED) {
                    state.status(InstanceState.Status.PERSISTENT);
                    deleted.remove(state);
                }
                if (state.status() != InstanceState.Status.PENDING) {
                    state.status(InstanceState.Status.PERSISTENT);
                    states.put(state.entity(), state);
                    identityMap.put(state);
                }
            }
        }
        for (InstanceState state : deleted) {
            state.status(InstanceState.Status.PERSISTENT);
        }
        deleted.clear();
        expireAll();
    }

    /** Puts back the key and version values a failed or rolled-back flush assigned. */
    private static void restoreGenerated(Mapper<Object> mapper, Object entity, @Nullable Object[] before) {
        for (PropertyMapping key : mapper.primaryKey()) {
            if (key.generation() != null) {
                mapper.setValue(entity, key, before[key.slot()]);
            }
        }
        mapper.version().ifPresent(version -> mapper.setValue(entity, version, before[version.slot()]));
    }

    private void expireAll() {
        for (InstanceState state : identityMap.all()) {
            state.expire();
        }
    }

    // ---- savepoints set by a transaction manager outside mapper (issue 6: Spring's PROPAGATION_NESTED) ----

    /**
     * Copies the session's state for a savepoint that a transaction manager outside mapper has just set on this
     * session's connection (Spring's {@code PROPAGATION_NESTED}); pass it to {@link #restore(SessionMark)} when that
     * savepoint is rolled back. Code that manages its own transactions uses {@link #beginNested()} instead.
     */
    @Override
    public SessionMark mark() {
        enter();
        try {
            List<SessionMark.Entry> entries = new ArrayList<>(states.size());
            for (InstanceState state : states.values()) {
                @SuppressWarnings("unchecked")
                Mapper<Object> mapper = (Mapper<Object>) state.mapper();
                Object[] committed = state.committed();
                entries.add(new SessionMark.Entry(state, state.status(), state.key(),
                        committed == null ? null : committed.clone(), state.isExpired(), mapper.values(state.entity()),
                        markRelationships(mapper, state)));
            }
            return new SessionMark(this, log.size(), entries, List.copyOf(pending), List.copyOf(deleted));
        } finally {
            exit();
        }
    }

    /**
     * Brings the session back to a {@link #mark()} after the database rolled back to the savepoint it stands for:
     * objects tracked since are forgotten, the others get back their status, values and database snapshot, and a
     * failed flush since the mark no longer blocks the session. Objects added since are forgotten with the keys
     * their inserts assigned cleared, so they are transient again.
     */
    private static java.util.Map<Object, SessionMark.Relation> markRelationships(Mapper<Object> mapper,
            InstanceState state) {
        if (mapper.relationships().isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Object, SessionMark.Relation> marked = new java.util.HashMap<>();
        for (io.mapper.orm.mapping.RelationshipMapping relationship : mapper.relationships()) {
            Object value = relationship.accessor().get(state.entity());
            if (relationship.kind() == io.mapper.orm.mapping.RelationshipMapping.Kind.MANY_TO_ONE
                    || relationship.isSingleValued()) {
                Object reference = value instanceof Ref<?> ref && ref.isLoaded() ? ref.get() : value;
                marked.put(relationship, new SessionMark.Relation(reference, null, null));
            } else if (value instanceof Collection<?> collection
                    && !(value instanceof io.mapper.orm.loading.PersistentCollection persistent
                    && !persistent.isLoaded())) {
                List<Object> snapshot = state.collectionSnapshot(relationship);
                marked.put(relationship, new SessionMark.Relation(value, new ArrayList<>(collection),
                        snapshot == null ? null : new ArrayList<>(snapshot)));
            }
        }
        return marked;
    }

    @SuppressWarnings("unchecked")
    private static void restoreRelationships(Mapper<Object> mapper, InstanceState state,
            java.util.Map<Object, SessionMark.Relation> marked) {
        for (java.util.Map.Entry<Object, SessionMark.Relation> entry : marked.entrySet()) {
            io.mapper.orm.mapping.RelationshipMapping relationship =
                    (io.mapper.orm.mapping.RelationshipMapping) entry.getKey();
            SessionMark.Relation relation = entry.getValue();
            if (relation.elements() == null) {
                if (relation.reference() instanceof Ref<?> unloaded) {
                    relationship.accessor().set(state.entity(), unloaded);
                } else {
                    relationship.setRelated(state.entity(), relation.reference());
                }
                continue;
            }
            Object collection = relation.reference();
            if (collection instanceof io.mapper.orm.loading.PersistentCollection persistent) {
                persistent.loaded(relation.elements());
            } else if (collection instanceof Collection<?> plain) {
                Collection<Object> elements = (Collection<Object>) plain;
                elements.clear();
                elements.addAll(relation.elements());
            }
            relationship.accessor().set(state.entity(), collection);
            if (relation.snapshot() != null) {
                state.collectionSnapshot(relationship, relation.snapshot());
            }
        }
    }

    @Override
    public void restore(SessionMark mark) {
        if (mark.session() != this) {
            throw new ArgumentException("This SessionMark belongs to another session.");
        }
        checkOpen();
        enterThread();
        try {
            while (log.size() > mark.logSize()) {
                // Objects first written after the mark get back the keys and versions those writes assigned.
                LogEntry entry = log.remove(log.size() - 1);
                @SuppressWarnings("unchecked")
                Mapper<Object> mapper = (Mapper<Object>) entry.state().mapper();
                restoreGenerated(mapper, entry.state().entity(), entry.valuesBefore());
            }
            states.clear();
            identityMap.clear();
            pending.clear();
            deleted.clear();
            for (SessionMark.Entry entry : mark.entries()) {
                InstanceState state = entry.state();
                @SuppressWarnings("unchecked")
                Mapper<Object> mapper = (Mapper<Object>) state.mapper();
                mapper.populate(state.entity(), entry.values());
                restoreRelationships(mapper, state, entry.relationships());
                state.status(entry.status());
                state.key(entry.key());
                Object[] committed = entry.committed();
                state.restoreCommitted(committed);
                if (entry.expired()) {
                    state.expire();
                } else if (committed != null) {
                    state.committed(committed);
                }
                states.put(state.entity(), state);
                if (entry.key() != null && entry.status() != InstanceState.Status.PENDING) {
                    identityMap.put(state);
                }
            }
            pending.addAll(mark.pending());
            deleted.addAll(mark.deleted());
            failure = null;
        } finally {
            exit();
        }
    }

    /** Whether queries flush pending changes first. */
    @Override
    public boolean autoflush() {
        return autoflush;
    }

    /** Switches autoflush for this session. */
    @Override
    public void autoflush(boolean enabled) {
        this.autoflush = enabled;
    }

    /** Runs {@code work} with autoflush off, restoring the previous setting afterwards. */
    @Override
    public <T> T noAutoflush(Supplier<T> work) {
        boolean previous = autoflush;
        autoflush = false;
        try {
            return work.get();
        } finally {
            autoflush = previous;
        }
    }

    private void autoflushIfEnabled() {
        if (autoflush) {
            flushInternal();
        }
    }

    /** Rolls back anything uncommitted, releases the connection and detaches every object. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        enterThread();
        try {
            if (connection != null) {
                // Issue 6: the transaction of an externally managed connection is its manager's (Spring's) to end.
                if (!connection.isExternallyManaged()) {
                    try {
                        connection.rollback();
                    } catch (RuntimeException e) {
                        // The connection is broken; releasing it discards it.
                    }
                }
                releaseConnection();
            }
        } finally {
            closed = true;
            states.clear();
            identityMap.clear();
            pending.clear();
            deleted.clear();
            log.clear();
            exit();
        }
    }

    /** Whether {@link #close()} was called. */
    @Override
    public boolean isClosed() {
        return closed;
    }

    /** The session factory this session came from. */
    @Override
    public SessionFactory factory() {
        return factory;
    }

    /** The engine this session uses. */
    @Override
    public Engine engine() {
        return factory.engine();
    }

    private Connection connection() {
        if (connection == null) {
            connection = factory.engine().connect();
        }
        return connection;
    }

    private void releaseConnection() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            current.close();
        }
    }

    private void forget(InstanceState state) {
        states.remove(state.entity());
        pending.remove(state);
        deleted.remove(state);
        if (state.key() != null && identityMap.get(state.key()) == state) {
            identityMap.remove(state.key());
        }
    }

    private InstanceState requirePersistent(Object entity, String action) {
        InstanceState state = states.get(entity);
        if (state == null || state.status() != InstanceState.Status.PERSISTENT) {
            throw new InvalidRequestException("Cannot " + action + " " + describe(entity) + ": it is not persistent "
                    + "in this session. Load it with session.get(...) first.");
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private Mapper<Object> mapperOf(Object entity) {
        Class<?> type = entity.getClass();
        if (registry.find(type).isEmpty()) {
            throw new ArgumentException(type.getName() + " is not a mapped entity of this session factory. "
                    + "Annotate it with @Entity and add it with SessionFactory.builder(engine).scan(\""
                    + type.getPackageName() + "\") or .entities(" + type.getSimpleName() + ".class).");
        }
        return (Mapper<Object>) registry.mapper(type);
    }

    private String describe(Object entity) {
        return entity.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(entity));
    }

    // ---- state checks ----

    private void checkOpen() {
        if (closed) {
            throw new ResourceClosedException("This Session is closed. Open a new one with "
                    + "sessionFactory.open(), and keep the work inside its try-with-resources block.");
        }
    }

    private void enter() {
        checkOpen();
        enterThread();
        if (failure != null) {
            exit();
            throw new PendingRollbackException("This Session's transaction was rolled back because a flush failed ("
                    + failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage()) + "). Call "
                    + "session.rollback() before using the session again; pending objects are then pending again.",
                    failure);
        }
    }

    private void enterThread() {
        Thread current = Thread.currentThread();
        Thread holder = activeThread.get();
        if (holder == current) {
            depth++;
            return;
        }
        if (activeThread.compareAndSet(null, current)) {
            depth = 1;
        } else {
            Thread other = activeThread.get();
            throw new InvalidRequestException("This Session is in use by thread '"
                    + (other == null ? "?" : other.getName()) + "' while thread '" + current.getName()
                    + "' tries to use it. A Session is not thread-safe: open one per thread with "
                    + "sessionFactory.open().");
        }
    }

    private void exit() {
        if (activeThread.get() == Thread.currentThread() && --depth == 0) {
            activeThread.set(null);
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
