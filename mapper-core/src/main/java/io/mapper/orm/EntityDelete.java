package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.mapper.sql.Condition;

/**
 * An ORM bulk DELETE, SQLAlchemy's {@code delete(User).where(...)} with {@code synchronize_session}: no objects are
 * loaded and no cascades run (the database's {@code ON DELETE} rules apply).
 *
 * <pre>{@code
 * // DELETE FROM mail WHERE mail.email = ?
 * session.execute(delete(Mail.class).where(Mail_.email.eq("old@example.com")));
 * }</pre>
 *
 * <p>Immutable and generative; thread-safe.
 *
 * @param <E> the entity class
 */
public final class EntityDelete<E> implements BulkStatement {

    private final Class<E> entityType;
    private final List<Condition> where;
    private final SynchronizeSession synchronize;

    private EntityDelete(Class<E> entityType, List<Condition> where, SynchronizeSession synchronize) {
        this.entityType = entityType;
        this.where = where;
        this.synchronize = synchronize;
    }

    static <E> EntityDelete<E> of(Class<E> entityType) {
        Objects.requireNonNull(entityType, "entityType must not be null: pass the entity class, e.g. User.class");
        return new EntityDelete<>(entityType, List.of(), SynchronizeSession.EVALUATE);
    }

    /** Adds WHERE conditions, ANDed. */
    public EntityDelete<E> where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        for (Condition condition : conditions) {
            all.add(Objects.requireNonNull(condition, "a WHERE condition is null"));
        }
        return new EntityDelete<>(entityType, List.copyOf(all), synchronize);
    }

    /** How the session's objects follow the change; {@link SynchronizeSession#EVALUATE} by default. */
    public EntityDelete<E> synchronizeSession(SynchronizeSession strategy) {
        return new EntityDelete<>(entityType, where, Objects.requireNonNull(strategy, "strategy"));
    }

    @Override
    public Class<E> entityType() {
        return entityType;
    }

    @Override
    public List<Condition> whereConditions() {
        return where;
    }

    @Override
    public SynchronizeSession synchronizeSession() {
        return synchronize;
    }

    @Override
    public String toString() {
        return "delete(" + entityType.getSimpleName() + ".class).where(" + where + ")";
    }
}
