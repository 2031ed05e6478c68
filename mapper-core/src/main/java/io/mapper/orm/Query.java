package io.mapper.orm;

import java.util.List;
import java.util.Objects;
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

    /**
     * Adds {@code property = value} for a mapped property path, or along a relationship: {@code ("owner", ann)} (or
     * ann's key) compares the foreign key, {@code ("mails", mail)} is a correlated EXISTS over the collection, and
     * {@code ("owner.name", "ann")} an EXISTS over the related entity. An unknown name raises, listing the known ones.
     *
     * <pre>{@code
     * // SELECT mail.id, mail.email, mail.owner_id FROM mail WHERE EXISTS (SELECT ? FROM owner
     * //   WHERE owner.id = mail.owner_id AND owner.name = ?)
     * session.query(Mail.class).filterBy("owner.name", "ann").all();
     * }</pre>
     */
    public Query<E> filterBy(String property, @Nullable Object value) {
        return filter(RelationPaths.condition(session, session.mapperFor(select.entityType()), property, value));
    }

    /** Adds {@code relation = value}: the related object (or its key) for a reference, an element for a collection. */
    public Query<E> filterBy(Relation<E, ?> relation, @Nullable Object value) {
        return filterBy(Objects.requireNonNull(relation, "relation").name(), value);
    }

    /** Adds ORDER BY items: columns, attributes, {@code attribute.desc()}, or references (by their foreign key). */
    public Query<E> orderBy(Object... items) {
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
