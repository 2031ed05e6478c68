package io.mapper.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Condition;

/**
 * An ORM bulk UPDATE, SQLAlchemy's {@code update(User).where(...).values(...)} with {@code synchronize_session}.
 *
 * <pre>{@code
 * // UPDATE owner SET name = ? WHERE owner.name = ?
 * session.execute(update(Owner.class).set(Owner_.name, "ann").where(Owner_.name.eq("anne")));
 * }</pre>
 *
 * <p>Immutable and generative; thread-safe.
 *
 * @param <E> the entity class
 */
public final class EntityUpdate<E> implements BulkStatement {

    private final Class<E> entityType;
    private final Map<ColumnClause<?>, @Nullable Object> values;
    private final List<Condition> where;
    private final SynchronizeSession synchronize;

    private EntityUpdate(Class<E> entityType, Map<ColumnClause<?>, @Nullable Object> values, List<Condition> where,
            SynchronizeSession synchronize) {
        this.entityType = entityType;
        this.values = values;
        this.where = where;
        this.synchronize = synchronize;
    }

    static <E> EntityUpdate<E> of(Class<E> entityType) {
        Objects.requireNonNull(entityType, "entityType must not be null: pass the entity class, e.g. User.class");
        return new EntityUpdate<>(entityType, Map.of(), List.of(), SynchronizeSession.EVALUATE);
    }

    /** Sets a column (a metamodel attribute) to a value, or to an expression such as {@code balance.plus(1)}. */
    public <T> EntityUpdate<E> set(ColumnClause<T> column, @Nullable Object value) {
        Objects.requireNonNull(column, "column");
        Map<ColumnClause<?>, @Nullable Object> all = new LinkedHashMap<>(values);
        all.put(column, value);
        return new EntityUpdate<>(entityType, Collections.unmodifiableMap(all), where, synchronize);
    }

    /** Adds WHERE conditions, ANDed. */
    public EntityUpdate<E> where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        for (Condition condition : conditions) {
            all.add(Objects.requireNonNull(condition, "a WHERE condition is null"));
        }
        return new EntityUpdate<>(entityType, values, List.copyOf(all), synchronize);
    }

    /** How the session's objects follow the change; {@link SynchronizeSession#EVALUATE} by default. */
    public EntityUpdate<E> synchronizeSession(SynchronizeSession strategy) {
        return new EntityUpdate<>(entityType, values, where, Objects.requireNonNull(strategy, "strategy"));
    }

    /** The columns and their new values or expressions, in the order set. */
    public Map<ColumnClause<?>, @Nullable Object> values() {
        if (values.isEmpty()) {
            throw new ArgumentException("update(" + entityType.getSimpleName() + ".class) sets no column: call "
                    + "set(attribute, value).");
        }
        return values;
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
        return "update(" + entityType.getSimpleName() + ".class).set(" + values.keySet() + ").where(" + where + ")";
    }
}
