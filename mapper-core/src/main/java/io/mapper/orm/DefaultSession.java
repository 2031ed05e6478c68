package io.mapper.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
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
import io.mapper.engine.Transaction;
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
import io.mapper.orm.session.SessionObjects;
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

/**
 * The {@link Session} that {@link SessionFactory#open()} returns; see {@link Session} for the contract. A facade:
 * the tracked objects are {@link SessionObjects}, each transaction level's journal is its {@link SessionTransaction},
 * the flush is the {@link UnitOfWork}'s, relationship loading is the {@link EntityLoader}'s, and merge and expunge
 * cascades are {@link SessionCascades}'.
 */
final class DefaultSession implements Session {

    private final SessionFactory factory;
    private final MapperRegistry registry;
    private final UnitOfWork unitOfWork;
    private final EntityLoader loader = new EntityLoader(new Context());
    private final SessionCascades cascades = new SessionCascades(this);
    private final SessionObjects objects = new SessionObjects();
    private final AtomicReference<@Nullable Thread> activeThread = new AtomicReference<>();
    /** Objects a rollback expunged because they were added in it: transient, even with an assigned key. */
    private final java.util.Set<Object> transientAgain = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The innermost transaction level; its parents lead to the session's own transaction. */
    private SessionTransaction transaction;
    private int depth;
    private @Nullable Connection connection;
    /** A failed flush, and the level it failed in: the session refuses work until that level is rolled back. */
    private @Nullable RuntimeException failure;
    private @Nullable SessionTransaction failedLevel;
    private boolean autoflush;
    private boolean flushing;
    private boolean closed;

    DefaultSession(SessionFactory factory) {
        this.factory = factory;
        this.registry = factory.registry();
        this.unitOfWork = new UnitOfWork(registry, factory.listeners(), factory.batchSize());
        this.autoflush = factory.autoflush();
        this.transaction = SessionTransaction.root(this);
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
        InstanceState existing = objects.stateOf(entity);
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
            if (objects.get(key) != null) {
                throw new InvalidRequestException("Another instance with the key " + key + " is already in this "
                        + "session. Change the existing instance instead, or merge() this one.");
            }
        }
        InstanceState state = new InstanceState(entity, mapper, InstanceState.Status.PENDING);
        track(state);
        cascades.saveUpdate(state);
    }

    /** Starts tracking a new pending object, journaled so that a rollback of this level expunges it. */
    void track(InstanceState state) {
        transaction.journal().recordNew(state);
        objects.track(state);
        transientAgain.remove(state.entity());
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
            InstanceState state = objects.get(key);
            if (state != null && !state.isExpired()) {
                return state.status() == InstanceState.Status.DELETED ? null : entityType.cast(state.entity());
            }
            autoflushIfEnabled();
            List<E> found = load(mapper, selectFor(mapper).where(keyConditions(mapper, key)), true);
            if (found.isEmpty()) {
                if (state != null) {
                    objects.forget(state);
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
            InstanceState state = objects.stateOf(entity);
            if (state == null) {
                throw new InvalidRequestException(describe(entity) + " is not in this session, so it cannot be "
                        + "deleted here. Load it with session.get(...) first, or merge() it.");
            }
            transaction.journal().record(state);
            if (state.status() == InstanceState.Status.PENDING) {
                objects.forget(state);
            } else if (state.status() == InstanceState.Status.PERSISTENT) {
                objects.markDeleted(state);
                cascades.delete(state);
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
            return cascades.merge(entity, new IdentityHashMap<>());
        } finally {
            exit();
        }
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
                objects.forget(state);
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
            InstanceState state = objects.stateOf(entity);
            if (state == null) {
                throw new InvalidRequestException(describe(entity) + " is not in this session.");
            }
            cascades.expunge(state);
        } finally {
            exit();
        }
    }

    /** Where the object stands relative to this session. */
    @Override
    public EntityState state(Object entity) {
        checkOpen();
        InstanceState state = objects.stateOf(entity);
        if (state == null) {
            Mapper<Object> mapper = mapperOf(entity);
            return mapper.identityKey(entity) == null || transientAgain.contains(entity) ? EntityState.TRANSIENT
                    : EntityState.DETACHED;
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
        InstanceState state = objects.stateOf(entity);
        if (state == null) {
            throw new InvalidRequestException(describe(entity) + " is not in this session.");
        }
        return state.status() != InstanceState.Status.PERSISTENT
                || UnitOfWork.isModified((Mapper<?>) state.mapper(), state);
    }

    /** Whether the session tracks this object. */
    @Override
    public boolean contains(Object entity) {
        return objects.contains(entity);
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
        InstanceState state = objects.get(key);
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
        objects.track(state);
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
            return objects.identityMap();
        }

        @Override
        public boolean isAttached(Object entity) {
            return !closed && objects.contains(entity);
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

    // ---- for SessionCascades ----

    SessionObjects objects() {
        return objects;
    }

    IdentityMap identityMap() {
        return objects.identityMap();
    }

    @Nullable InstanceState stateOf(Object entity) {
        return objects.stateOf(entity);
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
        UnitOfWork.Outcome outcome;
        try {
            outcome = unitOfWork.flush(this::connection, objects, transaction.journal(), () -> {
                for (SessionListener listener : factory.listeners()) {
                    listener.beforeFlush(this);
                }
            });
        } catch (RuntimeException e) {
            flushFailed(e);
            throw e;
        } finally {
            flushing = false;
        }
        if (outcome != UnitOfWork.Outcome.NOTHING) {
            for (SessionListener listener : factory.listeners()) {
                listener.afterFlush(this);
            }
        }
    }

    /**
     * A failed flush rolls back the level it ran in: a savepoint of {@code beginNested()} at once (the enclosing
     * transaction and its work survive), the session's own transaction unless a manager outside mapper (Spring)
     * owns it. Until that level is rolled back, the session refuses work.
     */
    private void flushFailed(RuntimeException e) {
        failure = e;
        failedLevel = transaction;
        Transaction savepoint = transaction.savepoint();
        try {
            if (savepoint != null) {
                if (savepoint.isActive()) {
                    savepoint.rollback();
                }
            } else if (transaction.parent() == null && connection != null && !connection.isExternallyManaged()) {
                connection.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            e.addSuppressed(rollbackFailure);
        }
        for (SessionListener listener : factory.listeners()) {
            listener.flushFailed(this, e);
        }
    }

    /** Flushes and commits; loaded objects stay usable and are reloaded the next time a query returns them. */
    @Override
    public void commit() {
        enter();
        try {
            flushInternal();
            for (SessionTransaction level = transaction; level.parent() != null; level = level.parent()) {
                Transaction savepoint = level.savepoint();
                if (savepoint != null && savepoint.isActive()) {
                    savepoint.commit();
                }
                level.end();
            }
            if (connection != null) {
                connection.commit();
                releaseConnection();
            }
            transaction.end();
            transaction = SessionTransaction.root(this);
            expireAll();
        } finally {
            exit();
        }
    }

    /**
     * Rolls back the transaction and restores the session: objects added in it are transient again (generated keys
     * cleared), deleted ones persistent again, every change made in it is discarded, and every object is expired.
     * Also the way out of a failed flush.
     */
    @Override
    public void rollback() {
        checkOpen();
        enterThread();
        try {
            if (connection != null) {
                // The transaction of an externally managed connection is its manager's (Spring's) to end; this
                // then only restores the objects.
                if (!connection.isExternallyManaged()) {
                    try {
                        connection.rollback();
                    } catch (RuntimeException e) {
                        // A broken connection has nothing left to roll back; it is discarded on release.
                    }
                }
                releaseConnection();
            }
            SessionTransaction root = transaction;
            while (root.parent() != null) {
                restoreLevel(root, false);
                root = Objects.requireNonNull(root.parent());
            }
            transientAgain.addAll(root.journal().restore(objects, true));
            root.end();
            transaction = SessionTransaction.root(this);
            failure = null;
            failedLevel = null;
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
            transaction = transaction.nested(connection().beginNested());
            return transaction;
        } finally {
            exit();
        }
    }

    void commitNested(SessionTransaction level) {
        enter();
        try {
            requireOpenLevel(level, "commit");
            flushInternal();
            // Committing a level commits the levels opened inside it first, as releasing a savepoint does.
            while (true) {
                SessionTransaction top = transaction;
                Transaction savepoint = top.savepoint();
                if (savepoint != null && savepoint.isActive()) {
                    savepoint.commit();
                }
                top.journal().mergeIntoParent();
                top.end();
                transaction = Objects.requireNonNull(top.parent());
                if (top == level) {
                    return;
                }
            }
        } finally {
            exit();
        }
    }

    void rollbackNested(SessionTransaction level) {
        checkOpen();
        enterThread();
        try {
            requireOpenLevel(level, "roll back");
            SessionTransaction top;
            do {
                top = transaction;
                Transaction savepoint = top.savepoint();
                if (savepoint != null && savepoint.isActive()) {
                    savepoint.rollback();
                }
                restoreLevel(top, true);
            } while (top != level);
        } finally {
            exit();
        }
    }

    /** Restores the objects a level changed and makes its parent the current level; clears its failure. */
    private void restoreLevel(SessionTransaction level, boolean makeParentCurrent) {
        transientAgain.addAll(level.journal().restore(objects, false));
        level.end();
        if (failedLevel == level) {
            failure = null;
            failedLevel = null;
        }
        if (makeParentCurrent) {
            transaction = Objects.requireNonNull(level.parent());
        }
    }

    private void requireOpenLevel(SessionTransaction level, String action) {
        if (!level.isActive() || level.parent() == null) {
            throw new InvalidRequestException("Cannot " + action + " this nested transaction: it was already "
                    + "committed or rolled back (also by the end of an enclosing transaction).");
        }
    }

    private void expireAll() {
        for (InstanceState state : objects.view()) {
            state.expire();
        }
    }

    /**
     * Opens a transaction level for a savepoint that a transaction manager outside mapper has just set on this
     * session's connection (Spring's {@code PROPAGATION_NESTED}); pass it to {@link #restore(SessionMark)} when that
     * savepoint is rolled back. Code that manages its own transactions uses {@link #beginNested()} instead.
     */
    @Override
    public SessionMark mark() {
        checkOpen();
        enterThread();
        try {
            transaction = transaction.external(objects);
            return new SessionMark(this, transaction);
        } finally {
            exit();
        }
    }

    /**
     * Brings the session back to a {@link #mark()} after (or while) the database rolls back to the savepoint it
     * stands for: every level opened since is rolled back in memory, innermost first, and a failed flush in them no
     * longer blocks the session. A mark whose level an enclosing restore already ended does nothing.
     */
    @Override
    public void restore(SessionMark mark) {
        if (mark.session() != this) {
            throw new ArgumentException("This SessionMark belongs to another session.");
        }
        checkOpen();
        enterThread();
        try {
            SessionTransaction level = mark.level();
            if (!level.isActive()) {
                return;
            }
            SessionTransaction top;
            do {
                top = transaction;
                restoreLevel(top, true);
            } while (top != level);
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

    void autoflushIfEnabled() {
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
                // The transaction of an externally managed connection is its manager's (Spring's) to end.
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
            objects.clear();
            transientAgain.clear();
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

    private InstanceState requirePersistent(Object entity, String action) {
        InstanceState state = objects.stateOf(entity);
        if (state == null || state.status() != InstanceState.Status.PERSISTENT) {
            throw new InvalidRequestException("Cannot " + action + " " + describe(entity) + ": it is not persistent "
                    + "in this session. Load it with session.get(...) first.");
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    Mapper<Object> mapperOf(Object entity) {
        Class<?> type = entity.getClass();
        if (registry.find(type).isEmpty()) {
            throw new ArgumentException(type.getName() + " is not a mapped entity of this session factory. "
                    + "Annotate it with @Entity and add it with SessionFactory.builder(engine).scan(\""
                    + type.getPackageName() + "\") or .entities(" + type.getSimpleName() + ".class).");
        }
        return (Mapper<Object>) registry.mapper(type);
    }

    static String describe(Object entity) {
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
            String way = failedLevel != null && failedLevel.parent() != null && failedLevel.savepoint() != null
                    ? "Call rollback() on the SessionTransaction that beginNested() returned (the savepoint was rolled "
                    + "back; the enclosing transaction and its work are intact)"
                    : "Call session.rollback() (objects added in the transaction become transient, changes are "
                    + "discarded)";
            throw new PendingRollbackException("This Session's flush failed ("
                    + failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage()) + "). " + way
                    + " before using the session again.", failure);
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
