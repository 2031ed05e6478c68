package io.mapper.orm;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.mapping.Mapper;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.RowLock;

/**
 * The fluent query style of SQLAlchemy's {@code session.query(User)}:
 * {@code session.query(User.class).filterBy("name", "patrick").orderBy(User_.id).limit(10).all()}. Each method returns
 * a new query; terminal methods run it in the session. Not thread-safe (it belongs to its session).
 *
 * @param <E> the entity class
 */
public final class Query<E> {

    private final DefaultSession session;
    private final EntitySelect<E> select;

    Query(DefaultSession session, EntitySelect<E> select) {
        this.session = session;
        this.select = select;
    }

    /** Adds WHERE conditions (ANDed). */
    public Query<E> filter(Condition... conditions) {
        return new Query<>(session, select.where(conditions));
    }

    /** Adds {@code property = value} for a mapped property path; an unknown property raises, listing the known ones. */
    public Query<E> filterBy(String property, @Nullable Object value) {
        Mapper<?> mapper = session.mapperFor(select.entityType());
        Expression<?> column = mapper.property(property).column();
        return filter(column.eq(value));
    }

    /** Adds ORDER BY items. */
    public Query<E> orderBy(ClauseElement... items) {
        return new Query<>(session, select.orderBy(items));
    }

    /** Loads relationships as these options say. */
    public Query<E> options(LoadOption... options) {
        return new Query<>(session, select.options(options));
    }

    /** Returns at most {@code count} objects. */
    public Query<E> limit(int count) {
        return new Query<>(session, select.limit(count));
    }

    /** Skips the first {@code count} objects. */
    public Query<E> offset(int count) {
        return new Query<>(session, select.offset(count));
    }

    /** Locks the matching rows ({@code FOR UPDATE}); see {@link EntitySelect#forUpdate()}. */
    public Query<E> forUpdate() {
        return new Query<>(session, select.forUpdate());
    }

    /** Locks the matching rows as {@code lock} says; see {@link EntitySelect#lock(RowLock)}. */
    public Query<E> lock(RowLock lock) {
        return new Query<>(session, select.lock(lock));
    }

    /** All matching objects. */
    public List<E> all() {
        return session.scalars(select).all();
    }

    /** The first matching object (a LIMIT 1 query), or empty. */
    public Optional<E> first() {
        return session.scalars(select.limit(1)).first();
    }

    /** Exactly one object; raises {@code NoResultException} for none and {@code MultipleResultsException} for more. */
    public E one() {
        return session.scalars(select).one();
    }

    /** The only matching object or null; raises {@code MultipleResultsException} for more than one. */
    public @Nullable E oneOrNull() {
        return session.scalars(select).oneOrNull();
    }

    /** How many rows match (a {@code SELECT COUNT(*)} with the same FROM and WHERE). */
    public long count() {
        return session.count(select);
    }

    /** The entity query this fluent query stands for. */
    public EntitySelect<E> toSelect() {
        return select;
    }
}
