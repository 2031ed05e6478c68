package io.mapper.orm;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Engine;
import io.mapper.engine.Result;
import io.mapper.engine.Row;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.ValidationException;
import io.mapper.orm.session.SessionObjects;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.unitofwork.UnitOfWork;
import io.mapper.sql.Executable;
import io.mapper.sql.RowLock;

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
    private final SessionCascades cascades = new SessionCascades(this);
    private final SessionObjects objects = new SessionObjects();
    private final TransactionStack transactions = new TransactionStack(this, objects);
    private final SessionLoading loading = new SessionLoading(this, objects);
    private final BulkWrites bulkWrites = new BulkWrites(this, objects);
    private final SessionGuard guard = new SessionGuard(() -> transactions().checkNoFailure());
    private boolean autoflush;
    private final SessionFilters filters;
    private boolean flushing;
    private final boolean readOnly;

    DefaultSession(SessionFactory factory, boolean readOnly) {
        this.factory = factory;
        this.readOnly = readOnly;
        this.registry = factory.registry();
        this.unitOfWork = factory.unitOfWork();
        this.autoflush = factory.autoflush();
        this.filters = new SessionFilters(factory.filters());
    }

    // ---- adding, getting, deleting ----

    @Override
    public void add(Object entity) {
        guarded(() -> addInternal(entity));
    }

    @Override
    public void addAll(Collection<?> entities) {
        Objects.requireNonNull(entities, "entities must not be null");
        guarded(() -> entities.forEach(this::addInternal));
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
        Mapper<Object> mapper = factory.mapperOf(entity);
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
        transactions.journal().recordNew(state);
        objects.track(state);
        transactions.tracked(state.entity());
    }

    @Override
    public <E> @Nullable E get(Class<E> entityType, Object id) {
        return get(entityType, id, (RowLock) null);
    }

    @Override
    public <E> @Nullable E get(Class<E> entityType, Object id, @Nullable RowLock lock) {
        return get(entityType, id, lock, io.mapper.orm.loading.LoadPlan.DEFAULT);
    }

    @Override
    public <E> @Nullable E get(Class<E> entityType, Object id, LoadOption... options) {
        return get(entityType, id, null, LoadOption.plan(entityType, List.of(options)));
    }

    private <E> @Nullable E get(Class<E> entityType, Object id, @Nullable RowLock lock,
            io.mapper.orm.loading.LoadPlan plan) {
        Objects.requireNonNull(id, () -> "Cannot get a " + entityType.getSimpleName() + " with a null id.");
        return guarded(() -> loading.get(registry.mapper(entityType), id, lock, plan));
    }

    @Override
    public void delete(Object entity) {
        Objects.requireNonNull(entity, "Cannot delete null.");
        guarded(() -> {
            InstanceState state = tracked(entity, ", so it cannot be deleted here. Load it with session.get(...) "
                    + "first, or merge() it");
            transactions.journal().record(state);
            if (state.status() == InstanceState.Status.PENDING) {
                objects.forget(state);
            } else if (state.status() == InstanceState.Status.PERSISTENT) {
                objects.markDeleted(state);
                cascades.delete(state);
            }
        });
    }

    @Override
    public <E> E merge(E entity) {
        Objects.requireNonNull(entity, "Cannot merge null.");
        return guarded(() -> cascades.merge(entity, new IdentityHashMap<>()));
    }

    @Override
    public void refresh(Object entity) {
        guarded(() -> {
            InstanceState state = requirePersistent(entity, "refresh");
            state.expire();
            Mapper<Object> mapper = factory.mapperOf(entity);
            IdentityKey key = Objects.requireNonNull(state.key());
            if (loading.byKey(mapper, key, false).isEmpty()) {
                objects.forget(state);
                throw new InvalidRequestException(key + " no longer exists in the database; it was deleted by "
                        + "another transaction. It is now detached from this session.");
            }
        });
    }

    @Override
    public void refresh(Object entity, String... properties) {
        guarded(() -> {
            InstanceState state = requirePersistent(entity, "refresh");
            Mapper<Object> mapper = factory.mapperOf(entity);
            loading.deferred().load(mapper, state, java.util.Arrays.stream(properties).map(mapper::property).toList());
        });
    }

    @Override
    public void expunge(Object entity) {
        guarded(() -> cascades.expunge(tracked(entity, "")));
    }

    @Override
    public void expungeAll() {
        guarded(objects::clear);
    }

    @Override
    public EntityState state(Object entity) {
        guard.checkOpen();
        InstanceState state = objects.stateOf(entity);
        if (state == null) {
            Mapper<Object> mapper = factory.mapperOf(entity);
            return mapper.identityKey(entity) == null || transactions.isTransientAgain(entity) ? EntityState.TRANSIENT
                    : EntityState.DETACHED;
        }
        return switch (state.status()) {
            case PENDING -> EntityState.PENDING;
            case PERSISTENT -> EntityState.PERSISTENT;
            case DELETED -> EntityState.DELETED;
        };
    }

    @Override
    public boolean isModified(Object entity) {
        guard.checkOpen();
        InstanceState state = tracked(entity, "");
        return state.status() != InstanceState.Status.PERSISTENT
                || UnitOfWork.isModified((Mapper<?>) state.mapper(), state);
    }

    @Override
    public void flagDirty(Object entity) {
        guard.checkOpen();
        tracked(entity, "; add it, or merge it and flag the object merge() returns").unsync();
    }

    @Override
    public boolean contains(Object entity) {
        return objects.contains(entity);
    }

    // ---- queries ----

    @Override
    public <E> EntityResult<E> scalars(EntitySelect<E> query) {
        return afterAutoflush(() -> loading.scalars(registry.mapper(query.entityType()), query));
    }

    @Override
    public <T> List<T> tuples(TupleSelect<T> query) {
        return afterAutoflush(() -> loading.tuples(query));
    }

    @Override
    public <E> Query<E> query(Class<E> entityType) {
        guard.checkOpen();
        registry.mapper(entityType);
        return new Query<>(this, Orm.select(entityType));
    }

    @Override
    public Result<Row> execute(Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result<Row> execute(Executable statement, Map<String, ?> parameters) {
        return afterAutoflush(() -> {
            Result<Row> result = transactions.connection().execute(statement, parameters);
            if (statement.operation() == io.mapper.sql.Operation.UPDATE
                    || statement.operation() == io.mapper.sql.Operation.DELETE) {
                // A bulk write may have changed any loaded object: reload them the next time they are returned.
                transactions.expireAll();
            }
            return result;
        });
    }

    @Override
    public long execute(BulkStatement statement) {
        java.util.Objects.requireNonNull(statement, "statement");
        return afterAutoflush(() -> bulkWrites.execute(statement));
    }

    /** Counts the rows an entity query would return. */
    <E> long count(EntitySelect<E> query) {
        return afterAutoflush(() -> loading.count(registry.mapper(query.entityType()), query));
    }

    Mapper<?> mapperFor(Class<?> entityType) {
        return registry.mapper(entityType);
    }

    /** The mapper of the entity mapped to this table, or null for a Core table. */
    @Nullable Mapper<?> mapperForTable(String tableName) {
        return registry.mappers().stream().filter(mapper -> mapper.table().name().equals(tableName)).findFirst()
                .orElse(null);
    }

    // ---- global filters ----

    @Override
    public void disableFilter(String name) {
        guard.checkOpen();
        filters.disable(name);
    }

    @Override
    public void enableFilter(String name) {
        guard.checkOpen();
        filters.enable(name);
    }

    SessionLoading loading() {
        return loading;
    }

    boolean isFilterEnabled(String name) {
        return filters.isEnabled(name);
    }

    // ---- for SessionCascades ----

    SessionObjects objects() {
        return objects;
    }

    TransactionStack transactions() {
        return transactions;
    }

    @Override
    public java.util.Map<String, Integer> lazyLoadCounts() {
        return loading.lazyLoadCounts();
    }

    // ---- flush and transactions ----

    /** Whether this session reads through read-only connections (replicas) and refuses to flush changes. */
    boolean readOnly() {
        return readOnly;
    }

    @Override
    public void flush() {
        guarded(() -> flushInternal());
    }

    private void flushInternal() {
        if (flushing) {
            return;
        }
        flushing = true;
        UnitOfWork.Outcome outcome;
        try {
            outcome = unitOfWork.flush(transactions::writeConnection, objects, transactions.journal(), () -> {
                for (SessionListener listener : factory.listeners()) {
                    listener.beforeFlush(this);
                }
            });
        } catch (ValidationException e) {
            // Raised before anything was journaled or written: the session and its transaction are as they were.
            for (SessionListener listener : factory.listeners()) {
                listener.flushFailed(this, e);
            }
            throw e;
        } catch (RuntimeException e) {
            RuntimeException error = e instanceof io.mapper.orm.unitofwork.RowCountMismatchException stale
                    ? new StaleDataException(stale.getMessage(), stale) : e;
            transactions.flushFailed(error);
            for (SessionListener listener : factory.listeners()) {
                listener.flushFailed(this, error);
            }
            throw error;
        } finally {
            flushing = false;
        }
        if (outcome != UnitOfWork.Outcome.NOTHING) {
            for (SessionListener listener : factory.listeners()) {
                listener.afterFlush(this);
            }
        }
    }

    @Override
    public void commit() {
        guarded(() -> {
            flushInternal();
            transactions.commit();
        });
    }

    @Override
    public void rollback() {
        guardedOpen(() -> transactions.rollback());
    }

    @Override
    public SessionTransaction beginNested() {
        return guarded(() -> {
            flushInternal();
            return transactions.beginNested();
        });
    }

    void commitNested(SessionTransaction level) {
        guarded(() -> {
            flushInternal();
            transactions.commitNested(level);
        });
    }

    void rollbackNested(SessionTransaction level) {
        guardedOpen(() -> transactions.rollbackNested(level));
    }

    @Override
    public SessionMark mark() {
        return guardedOpen(() -> transactions.mark());
    }

    @Override
    public void restore(SessionMark mark) {
        guardedOpen(() -> transactions.restore(mark));
    }

    @Override
    public boolean autoflush() {
        return autoflush;
    }

    @Override
    public void autoflush(boolean enabled) {
        this.autoflush = enabled;
    }

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

    @Override
    public void close() {
        if (guard.isClosed()) {
            return;
        }
        guard.enterThread();
        try {
            transactions.close();
        } finally {
            guard.close();
            objects.release();
            guard.exit();
        }
    }

    @Override
    public boolean isClosed() {
        return guard.isClosed();
    }

    @Override
    public SessionFactory factory() {
        return factory;
    }

    @Override
    public Engine engine() {
        return factory.engine();
    }

    /** The state of a tracked object; an untracked one raises, with {@code advice} after the problem. */
    private InstanceState tracked(Object entity, String advice) {
        InstanceState state = objects.stateOf(entity);
        if (state == null) {
            throw new InvalidRequestException(SessionFactory.describe(entity) + " is not in this session" + advice + ".");
        }
        return state;
    }

    private InstanceState requirePersistent(Object entity, String action) {
        InstanceState state = objects.stateOf(entity);
        if (state == null || state.status() != InstanceState.Status.PERSISTENT) {
            throw new InvalidRequestException("Cannot " + action + " " + SessionFactory.describe(entity) + ": it is not persistent "
                    + "in this session. Load it with session.get(...) first.");
        }
        return state;
    }

    /** Runs a call with the session entered; a failed flush waiting for its rollback refuses it. */
    private <T> T guarded(java.util.function.Supplier<T> work) {
        return guard.call(work, true);
    }

    /** A read: guarded, after an autoflush (when enabled) so that it sees pending changes. */
    private <T> T afterAutoflush(java.util.function.Supplier<T> work) {
        return guard.call(() -> {
            autoflushIfEnabled();
            return work.get();
        }, true);
    }

    private void guarded(Runnable work) {
        guard.call(work, true);
    }

    /** Runs a call that ends a transaction level, allowed while a failed flush waits for that rollback. */
    private <T> T guardedOpen(java.util.function.Supplier<T> work) {
        return guard.call(work, false);
    }

    private void guardedOpen(Runnable work) {
        guard.call(work, false);
    }
}
