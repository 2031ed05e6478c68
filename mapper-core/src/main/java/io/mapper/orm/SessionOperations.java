package io.mapper.orm;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Engine;
import io.mapper.engine.Result;
import io.mapper.engine.Row;
import io.mapper.sql.Executable;
import io.mapper.sql.RowLock;

/**
 * The unit-of-work operations of a {@link Session}, without transaction demarcation ({@code commit}, {@code rollback},
 * {@code beginNested}, {@code close}). {@code Session} implements it; so does a session proxy that a transaction
 * manager ends, such as the {@code Session} bean of mapper's Spring Boot starter, whose transactions belong to
 * {@code @Transactional}. Code that only reads and writes objects can depend on this type.
 *
 * <p>Each method behaves as documented on {@link Session}.
 */
public interface SessionOperations {

    /** See {@link Session#add(Object)}. */
    void add(Object entity);

    /** See {@link Session#addAll(Collection)}. */
    void addAll(Collection<?> entities);

    /** See {@link Session#get(Class, Object)}. */
    <E> @Nullable E get(Class<E> entityType, Object id);

    /**
     * The object with this key, its row locked as {@code lock} says ({@code RowLock.UPDATE},
     * {@code RowLock.UPDATE.nowait()}, {@code RowLock.SHARE}, ...): always a {@code SELECT ... FOR UPDATE}, also
     * when the object is in the identity map, whose values the locked row then refreshes (unless it holds unflushed
     * changes); {@code null} when there is no row (or {@code SKIP LOCKED} passed over it). SQLAlchemy's
     * {@code session.get(User, 5, with_for_update=...)}. The lock lasts until the transaction ends.
     */
    <E> @Nullable E get(Class<E> entityType, Object id, RowLock lock);

    /**
     * The object with this key, with its columns loaded as the column options say ({@code undefer(Document_.body)},
     * {@code defer(...)}, {@code loadOnly(...)}); from the identity map when it is there, its unloaded columns that
     * the options load then loaded by key.
     */
    <E> @Nullable E get(Class<E> entityType, Object id, LoadOption... options);

    /** See {@link Session#delete(Object)}. */
    void delete(Object entity);

    /** See {@link Session#merge(Object)}. */
    <E> E merge(E entity);

    /** See {@link Session#refresh(Object)}. */
    void refresh(Object entity);

    /**
     * Loads these columns of a persistent object from the database by primary key, replacing their values and any
     * unflushed change to them; the way to load a deferred plain field (SQLAlchemy's
     * {@code session.refresh(obj, ["body"])}). Other columns are left as they are.
     */
    void refresh(Object entity, String... properties);

    /** See {@link Session#expunge(Object)}. */
    void expunge(Object entity);

    /**
     * Stops tracking every object, without SQL and without cascades (SQLAlchemy's {@code expunge_all()}): loaded
     * objects become detached and keep their values, pending objects become transient and are not inserted, and
     * changes not flushed yet are never written. The transaction stays open; what was flushed is committed or rolled
     * back with it. The way to keep a bulk load flat: flush, then expunge, every few thousand objects.
     */
    void expungeAll();

    /** See {@link Session#state(Object)}. */
    EntityState state(Object entity);

    /** See {@link Session#isModified(Object)}. */
    boolean isModified(Object entity);

    /**
     * Makes the next flush compare {@code entity} with its snapshot whole, as if every field had been written
     * (SQLAlchemy's {@code flag_dirty()}): for a change the session cannot see, on an entity class enhanced at build
     * time (docs/orm.md, "Change tracking") that was written where the enhancer does not reach, such as through
     * reflection or from code compiled without it. Unchanged values are still not written. Without enhancement the
     * flush compares every object anyway, and this changes nothing. Raises for an object the session does not
     * track.
     */
    void flagDirty(Object entity);

    /** See {@link Session#contains(Object)}. */
    boolean contains(Object entity);

    /** See {@link Session#scalars(EntitySelect)}. */
    <E> EntityResult<E> scalars(EntitySelect<E> query);

    /**
     * The rows of a query of several entities and values, {@code select(Customer.class, count(Invoice_.id))}: each
     * entity is the session's instance (from the identity map; unflushed changes are kept), {@code null} where an
     * outer join found no row; values are converted to their expression's Java type. Autoflushes first.
     */
    <T> java.util.List<T> tuples(TupleSelect<T> query);

    /** See {@link Session#query(Class)}. */
    <E> Query<E> query(Class<E> entityType);

    /** See {@link Session#execute(Executable)}. */
    Result<Row> execute(Executable statement);

    /** See {@link Session#execute(Executable, Map)}. */
    Result<Row> execute(Executable statement, Map<String, ?> parameters);

    /**
     * Runs an ORM bulk UPDATE or DELETE ({@code update(Owner.class).set(...).where(...)}, {@code delete(...)}) in the
     * session's transaction, after an autoflush, and brings the session's objects of the entity in line as its
     * {@link SynchronizeSession} says; returns the number of rows the database matched.
     */
    long execute(BulkStatement statement);

    /** See {@link Session#flush()}. */
    void flush();

    /** See {@link Session#autoflush()}. */
    boolean autoflush();

    /** See {@link Session#noAutoflush(Supplier)}. */
    <T> T noAutoflush(Supplier<T> work);

    /** See {@link Session#factory()}. */
    SessionFactory factory();

    /** See {@link Session#engine()}. */
    Engine engine();
}
