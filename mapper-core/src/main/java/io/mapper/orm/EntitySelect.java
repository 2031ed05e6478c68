package io.mapper.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.CompoundSelect;
import io.mapper.sql.Condition;
import io.mapper.sql.ForUpdate;
import io.mapper.sql.RowLock;
import io.mapper.sql.TableClause;

/**
 * A query for whole entities: {@code Orm.select(User.class).where(User_.name.eq("sandy")).orderBy(User_.id)}.
 * A {@link Session} turns it into a Core SELECT of the entity's columns and returns tracked instances. Immutable and
 * generative; thread-safe.
 *
 * @param <E> the entity class
 */
public final class EntitySelect<E> {

    /** A join to another table, with an explicit or inferred ON clause. */
    record JoinSpec(TableClause table, @Nullable Condition on, boolean outer) {
    }

    private final Class<E> entityType;
    private final List<Condition> where;
    private final List<ClauseElement> orderBy;
    private final List<JoinSpec> joins;
    private final @Nullable Integer limit;
    private final @Nullable Integer offset;
    private final boolean distinct;
    private final List<LoadOption> options;
    private final @Nullable RowLock lock;
    private final List<Object> groupBy;
    private final List<Condition> having;
    private final java.util.@Nullable Set<String> withoutFilters;
    private final @Nullable Source source;

    /**
     * Where the entities' rows come from instead of the entity's table: a CTE or subquery with the entity's columns
     * ({@code from}), or a set operation of entity queries ({@code operator} over {@code parts}).
     */
    record Source(@Nullable TableClause from, CompoundSelect.@Nullable Operator operator, List<EntitySelect<?>> parts) {
    }

    private EntitySelect(Class<E> entityType, List<Condition> where, List<ClauseElement> orderBy,
            List<JoinSpec> joins, @Nullable Integer limit, @Nullable Integer offset, boolean distinct) {
        this(entityType, where, orderBy, joins, limit, offset, distinct, List.of(), null, List.of(), List.of());
    }

    private EntitySelect(Class<E> entityType, List<Condition> where, List<ClauseElement> orderBy,
            List<JoinSpec> joins, @Nullable Integer limit, @Nullable Integer offset, boolean distinct,
            List<LoadOption> options, @Nullable RowLock lock, List<Object> groupBy, List<Condition> having) {
        this(entityType, where, orderBy, joins, limit, offset, distinct, options, lock, groupBy, having, null, null);
    }

    private EntitySelect(Class<E> entityType, List<Condition> where, List<ClauseElement> orderBy,
            List<JoinSpec> joins, @Nullable Integer limit, @Nullable Integer offset, boolean distinct,
            List<LoadOption> options, @Nullable RowLock lock, List<Object> groupBy, List<Condition> having,
            java.util.@Nullable Set<String> withoutFilters, @Nullable Source source) {
        this.source = source;
        this.withoutFilters = withoutFilters;
        this.options = options;
        this.lock = lock;
        this.groupBy = groupBy;
        this.having = having;
        this.entityType = entityType;
        this.where = where;
        this.orderBy = orderBy;
        this.joins = joins;
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
    }

    static <E> EntitySelect<E> of(Class<E> entityType) {
        Objects.requireNonNull(entityType, "entityType must not be null: pass the entity class, e.g. User.class");
        return new EntitySelect<>(entityType, List.of(), List.of(), List.of(), null, null, false);
    }

    /** Adds WHERE conditions, ANDed with those already given. */
    public EntitySelect<E> where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        for (Condition condition : conditions) {
            all.add(Objects.requireNonNull(condition, "a WHERE condition is null"));
        }
        return new EntitySelect<>(entityType, Collections.unmodifiableList(all), orderBy, joins, limit, offset,
                distinct, options, lock,
                groupBy, having, withoutFilters, source);
    }

    /**
     * Adds ORDER BY items: columns, attributes, {@code attribute.desc()}, or a many-to-one's {@link Relation}, which
     * orders by its foreign key ({@code orderBy(Mail_.owner)} is {@code ORDER BY mail.owner_id}).
     */
    public EntitySelect<E> orderBy(Object... items) {
        List<ClauseElement> all = new ArrayList<>(orderBy);
        for (Object item : items) {
            Objects.requireNonNull(item, "an ORDER BY item is null");
            if (item instanceof Relation<?, ?> relation) {
                all.add(relation.key());
            } else if (item instanceof ClauseElement element) {
                all.add(element);
            } else {
                throw new ArgumentException("orderBy takes columns, attributes, ordering items (attribute.desc()) and "
                        + "many-to-one relations, not " + item + ".");
            }
        }
        return new EntitySelect<>(entityType, where, Collections.unmodifiableList(all), joins, limit, offset,
                distinct, options, lock,
                groupBy, having, withoutFilters, source);
    }

    /** Joins another table (an entity's {@code X_.TABLE} or a Core table) on an explicit condition. */
    public EntitySelect<E> join(TableClause table, Condition on) {
        return withJoin(new JoinSpec(Objects.requireNonNull(table, "table"), Objects.requireNonNull(on, "on"), false));
    }

    /** Joins another table on the single foreign key between them. */
    public EntitySelect<E> join(TableClause table) {
        return withJoin(new JoinSpec(Objects.requireNonNull(table, "table"), null, false));
    }

    /** Joins the related entity's table along a relationship (through the association table for many-to-many). */
    public EntitySelect<E> join(Relation<?, ?> relation) {
        Objects.requireNonNull(relation, "relation");
        TableClause association = relation.associationTable();
        if (association != null) {
            return withJoin(new JoinSpec(association, relation.joinCondition(), false))
                    .withJoin(new JoinSpec(relation.targetTable(), relation.associationToTarget(), false));
        }
        return withJoin(new JoinSpec(relation.targetTable(), relation.joinCondition(), false));
    }

    /**
     * LEFT OUTER JOINs the related entity's table along a relationship, keeping objects without related rows; with
     * {@code containsEager} it fills a collection, empty ones included.
     */
    public EntitySelect<E> outerJoin(Relation<?, ?> relation) {
        Objects.requireNonNull(relation, "relation");
        TableClause association = relation.associationTable();
        if (association != null) {
            return withJoin(new JoinSpec(association, relation.joinCondition(), true))
                    .withJoin(new JoinSpec(relation.targetTable(), relation.associationToTarget(), true));
        }
        return withJoin(new JoinSpec(relation.targetTable(), relation.joinCondition(), true));
    }

    /** LEFT OUTER JOINs another table on an explicit condition. */
    public EntitySelect<E> outerJoin(TableClause table, Condition on) {
        return withJoin(new JoinSpec(Objects.requireNonNull(table, "table"), Objects.requireNonNull(on, "on"), true));
    }

    private EntitySelect<E> withJoin(JoinSpec join) {
        List<JoinSpec> all = new ArrayList<>(joins);
        all.add(join);
        return new EntitySelect<>(entityType, where, orderBy, Collections.unmodifiableList(all), limit, offset, true,
                options, lock, groupBy, having, withoutFilters, source);
    }

    /**
     * GROUP BY items: column expressions, or entity classes (all their columns). With {@link #having} it filters
     * entities by an aggregate of their joined rows:
     * {@code select(Owner.class).join(Owner_.mails).groupBy(Owner.class).having(count(Mail_.id).gt(1L))}.
     */
    public EntitySelect<E> groupBy(Object... items) {
        List<Object> all = new ArrayList<>(groupBy);
        for (Object item : items) {
            if (item instanceof Relation<?, ?> relation) {
                all.add(relation.key());    // a reference groups by its foreign key
                continue;
            }
            if (!(item instanceof Class<?>) && !(item instanceof io.mapper.sql.Expression<?>)) {
                throw new ArgumentException("groupBy takes entity classes, column expressions and many-to-one "
                        + "relations, not " + item + ".");
            }
            all.add(item);
        }
        return new EntitySelect<>(entityType, where, orderBy, joins, limit, offset, distinct, options, lock,
                Collections.unmodifiableList(all), having, withoutFilters, source);
    }

    /** HAVING conditions (ANDed), for a query with {@link #groupBy}. */
    public EntitySelect<E> having(Condition... conditions) {
        List<Condition> all = new ArrayList<>(having);
        for (Condition condition : conditions) {
            all.add(Objects.requireNonNull(condition, "a HAVING condition is null"));
        }
        return new EntitySelect<>(entityType, where, orderBy, joins, limit, offset, distinct, options, lock, groupBy,
                Collections.unmodifiableList(all), withoutFilters, source);
    }

    /**
     * Leaves out the named global filters (all of them when none is named) from this query's statement, SQLAlchemy's
     * {@code execution_options(include_loader_criteria=False)} in effect. Relationships the query loads afterwards
     * keep the session's filters.
     */
    public EntitySelect<E> withoutFilters(String... names) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(withoutFilters == null ? java.util.Set.of()
                : withoutFilters);
        all.addAll(java.util.Arrays.asList(names));
        return new EntitySelect<>(entityType, where, orderBy, joins, limit, offset, distinct, options, lock,
                groupBy, having, names.length == 0 ? java.util.Set.of() : java.util.Set.copyOf(all), source);
    }

    /**
     * The filters this query leaves out: null for none, empty for all.
     */
    java.util.@Nullable Set<String> filtersLeftOut() {
        return withoutFilters;
    }

    List<Object> groupByItems() {
        return groupBy;
    }

    List<Condition> havingConditions() {
        return having;
    }

    /** Returns at most {@code count} entities. */
    public EntitySelect<E> limit(int count) {
        if (count < 0) {
            throw new ArgumentException("limit must not be negative, not " + count);
        }
        return new EntitySelect<>(entityType, where, orderBy, joins, count, offset, distinct, options, lock,
                groupBy, having, withoutFilters, source);
    }

    /** Skips the first {@code count} entities. */
    public EntitySelect<E> offset(int count) {
        if (count < 0) {
            throw new ArgumentException("offset must not be negative, not " + count);
        }
        return new EntitySelect<>(entityType, where, orderBy, joins, limit, count, distinct, options, lock,
                groupBy, having, withoutFilters, source);
    }

    /** Loads relationships as these options say, instead of the mappings' defaults. */
    public EntitySelect<E> options(LoadOption... loadOptions) {
        List<LoadOption> all = new ArrayList<>(options);
        for (LoadOption option : loadOptions) {
            all.add(Objects.requireNonNull(option, "a load option is null"));
        }
        return new EntitySelect<>(entityType, where, orderBy, joins, limit, offset, distinct,
                Collections.unmodifiableList(all), lock, groupBy, having, withoutFilters, source);
    }

    /**
     * Locks the selected rows with {@code SELECT ... FOR UPDATE}: other transactions wait to lock or write them
     * until this one ends. The objects returned are refreshed from the locked rows unless they hold unflushed
     * changes. SQLAlchemy's {@code with_for_update()}.
     */
    public EntitySelect<E> forUpdate() {
        return lock(RowLock.UPDATE);
    }

    /** Locks the selected rows, failing at once ({@code NOWAIT}) or skipping locked rows ({@code SKIP_LOCKED}). */
    public EntitySelect<E> forUpdate(ForUpdate mode) {
        Objects.requireNonNull(mode, "mode must not be null");
        return lock(new RowLock(false, mode, List.of()));
    }

    /** Takes a shared lock on the selected rows ({@code FOR SHARE}): others may read-lock them, nobody may write. */
    public EntitySelect<E> forShare() {
        return lock(RowLock.SHARE);
    }

    /**
     * Locks the selected rows as {@code lock} says, e.g. {@code RowLock.UPDATE.of(Invoice_.TABLE).skipLocked()};
     * see docs/orm.md, "Locking", for what each database renders.
     */
    public EntitySelect<E> lock(RowLock lock) {
        Objects.requireNonNull(lock, "lock must not be null: use RowLock.UPDATE");
        return new EntitySelect<>(entityType, where, orderBy, joins, limit, offset, distinct, options, lock,
                groupBy, having, withoutFilters, source);
    }

    /**
     * Reads the entities from a CTE or subquery that selects the entity's columns (under their column names), as
     * SQLAlchemy's {@code select(aliased(Entity, cte))} does: a recursive CTE walking a tree, or any statement
     * over the entity's table. Conditions and ORDER BY items on the CTE's own columns ({@code tree.column("name")})
     * refer to its rows; ORDER BY items that are the entity's attributes are read from the CTE too.
     *
     * <pre>{@code
     * // WITH RECURSIVE tree(id, name, parent_id) AS (SELECT ... UNION ALL SELECT ... JOIN tree ON ...)
     * // SELECT tree.id, tree.name, tree.parent_id FROM tree ORDER BY tree.name
     * session.scalars(select(Category.class).from(tree).orderBy(Category_.name));
     * }</pre>
     */
    public EntitySelect<E> from(TableClause cteOrSubquery) {
        Objects.requireNonNull(cteOrSubquery, "cteOrSubquery must not be null: pass a Cte or Subquery");
        if (source != null) {
            throw new ArgumentException("This query already reads from " + describeSource() + "; a query reads from "
                    + "one source.");
        }
        return new EntitySelect<>(entityType, where, orderBy, joins, limit, offset, distinct, options, lock, groupBy,
                having, withoutFilters, new Source(cteOrSubquery, null, List.of()));
    }

    /**
     * {@code this UNION others}: the entities of either query, each once (SQLAlchemy's
     * {@code select(User).where(a).union(select(User).where(b))} read as entities). Each part keeps its WHERE and
     * global filters; ORDER BY, LIMIT and OFFSET of the result are given on the returned query.
     *
     * <pre>{@code
     * // SELECT anon_1.id, anon_1.title FROM (SELECT book.id, book.title FROM book WHERE book.title = ?
     * //   UNION SELECT book.id, book.title FROM book WHERE book.title = ?) AS anon_1 ORDER BY anon_1.title
     * session.scalars(select(Book.class).where(a).union(select(Book.class).where(b)).orderBy(Book_.title));
     * }</pre>
     */
    @SafeVarargs
    public final EntitySelect<E> union(EntitySelect<E>... others) {
        return compound(CompoundSelect.Operator.UNION, others);
    }

    /** {@code this UNION ALL others}: as {@link #union}, an entity found by several parts is returned once. */
    @SafeVarargs
    public final EntitySelect<E> unionAll(EntitySelect<E>... others) {
        return compound(CompoundSelect.Operator.UNION_ALL, others);
    }

    /** {@code this INTERSECT others}: the entities every query finds. */
    @SafeVarargs
    public final EntitySelect<E> intersect(EntitySelect<E>... others) {
        return compound(CompoundSelect.Operator.INTERSECT, others);
    }

    /** {@code this EXCEPT others}: the entities this query finds and the others do not. */
    @SafeVarargs
    public final EntitySelect<E> except(EntitySelect<E>... others) {
        return compound(CompoundSelect.Operator.EXCEPT, others);
    }

    private EntitySelect<E> compound(CompoundSelect.Operator operator, EntitySelect<E>[] others) {
        List<EntitySelect<?>> parts = new ArrayList<>();
        parts.add(this);
        for (EntitySelect<E> other : others) {
            parts.add(Objects.requireNonNull(other, "a query given to " + operator.sql() + " is null"));
        }
        if (parts.size() < 2) {
            throw new ArgumentException(operator.sql() + " needs at least one other query.");
        }
        return new EntitySelect<>(entityType, List.of(), List.of(), List.of(), null, null, false, List.of(), null,
                List.of(), List.of(), null, new Source(null, operator, List.copyOf(parts)));
    }

    /** Where the rows come from, when not the entity's table. */
    @Nullable Source source() {
        return source;
    }

    private String describeSource() {
        return source == null ? "the entity's table" : source.from() != null ? source.from().name()
                : Objects.requireNonNull(source.operator()).sql() + " of " + source.parts().size() + " queries";
    }

    /** The row lock, or null for none. */
    public @Nullable RowLock rowLock() {
        return lock;
    }

    List<LoadOption> loadOptions() {
        return options;
    }

    /** The entity class. */
    public Class<E> entityType() {
        return entityType;
    }

    List<Condition> whereConditions() {
        return where;
    }

    /** The WHERE conditions, ANDed, in the order given (read by routing layers such as the sharding extension). */
    public List<Condition> criteria() {
        return where;
    }

    /** The ORDER BY items, in the order given. */
    public List<ClauseElement> ordering() {
        return orderBy;
    }

    /** The LIMIT, or null for none. */
    public @Nullable Integer limitCount() {
        return limit;
    }

    /** The OFFSET, or null for none. */
    public @Nullable Integer offsetCount() {
        return offset;
    }

    List<ClauseElement> orderByItems() {
        return orderBy;
    }

    List<JoinSpec> joins() {
        return joins;
    }

    @Nullable Integer limitValue() {
        return limit;
    }

    @Nullable Integer offsetValue() {
        return offset;
    }

    boolean isDistinct() {
        return distinct;
    }

    @Override
    public String toString() {
        return "select(" + entityType.getSimpleName() + ".class)" + (where.isEmpty() ? "" : ".where(" + where + ")");
    }
}
