package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.TableClause;

/**
 * An ORM query of several items, entities and column expressions, SQLAlchemy's {@code select(User, Address)} and
 * {@code select(User, func.count(Address.id))}; run with {@link Session#tuples(TupleSelect)}. Each entity selects all
 * its columns and comes back as the session's instance (from the identity map); other items come back as values.
 *
 * <pre>{@code
 * // SELECT customer.id, customer.name, COUNT(invoice.id) FROM customer LEFT OUTER JOIN invoice
 * //   ON invoice.customer_id = customer.id GROUP BY customer.id, customer.name HAVING COUNT(invoice.id) > ?
 * List<Tuple2<Customer, Long>> rows = session.tuples(select(Customer.class, count(Invoice_.id))
 *         .outerJoin(Customer_.invoices).groupBy(Customer.class).having(count(Invoice_.id).gt(1L)));
 * }</pre>
 *
 * <p>Immutable and generative; thread-safe.
 *
 * @param <T> the row type: {@link Tuple2} or {@link Tuple}
 */
public final class TupleSelect<T> {

    private static final class Parts implements Cloneable {
        List<Object> items = List.of();
        List<Condition> where = List.of();
        List<EntitySelect.JoinSpec> joins = List.of();
        List<Object> groupBy = List.of();
        List<Condition> having = List.of();
        List<ClauseElement> orderBy = List.of();
        @Nullable Integer limit;
        @Nullable Integer offset;
        boolean distinct;

        Parts copy() {
            try {
                return (Parts) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Parts parts;
    private final Function<@Nullable Object[], T> rows;

    private TupleSelect(Parts parts, Function<@Nullable Object[], T> rows) {
        this.parts = parts;
        this.rows = rows;
    }

    static <T> TupleSelect<T> of(List<Object> items, Function<@Nullable Object[], T> rows) {
        Parts parts = new Parts();
        List<Object> checked = new ArrayList<>();
        for (Object item : items) {
            Objects.requireNonNull(item, "an item given to select(...) is null");
            if (!(item instanceof Class<?>) && !(item instanceof Expression<?>)) {
                throw new ArgumentException("An ORM select(...) of several items takes entity classes and column "
                        + "expressions, not a " + item.getClass().getName() + ".");
            }
            checked.add(item);
        }
        parts.items = List.copyOf(checked);
        return new TupleSelect<>(parts, rows);
    }

    private TupleSelect<T> with(Consumer<Parts> change) {
        Parts copy = parts.copy();
        change.accept(copy);
        return new TupleSelect<>(copy, rows);
    }

    private static <X> List<X> plus(List<X> list, X[] more, String what) {
        List<X> all = new ArrayList<>(list);
        for (X item : more) {
            all.add(Objects.requireNonNull(item, () -> "a " + what + " is null"));
        }
        return List.copyOf(all);
    }

    /** Adds WHERE conditions, ANDed with those already given. */
    public TupleSelect<T> where(Condition... conditions) {
        return with(p -> p.where = plus(p.where, conditions, "WHERE condition"));
    }

    /** Joins the related entity's table along a relationship (through the association table for many-to-many). */
    public TupleSelect<T> join(Relation<?, ?> relation) {
        return withRelation(relation, false);
    }

    /** LEFT OUTER JOINs the related entity's table along a relationship; its entity is null where no row matched. */
    public TupleSelect<T> outerJoin(Relation<?, ?> relation) {
        return withRelation(relation, true);
    }

    /** Joins another table on an explicit condition. */
    public TupleSelect<T> join(TableClause table, Condition on) {
        return withJoin(new EntitySelect.JoinSpec(table, Objects.requireNonNull(on, "on"), false));
    }

    /** LEFT OUTER JOINs another table on an explicit condition. */
    public TupleSelect<T> outerJoin(TableClause table, Condition on) {
        return withJoin(new EntitySelect.JoinSpec(table, Objects.requireNonNull(on, "on"), true));
    }

    private TupleSelect<T> withRelation(Relation<?, ?> relation, boolean outer) {
        Objects.requireNonNull(relation, "relation");
        TableClause association = relation.associationTable();
        if (association != null) {
            return withJoin(new EntitySelect.JoinSpec(association, relation.joinCondition(), outer))
                    .withJoin(new EntitySelect.JoinSpec(relation.targetTable(), relation.associationToTarget(), outer));
        }
        return withJoin(new EntitySelect.JoinSpec(relation.targetTable(), relation.joinCondition(), outer));
    }

    private TupleSelect<T> withJoin(EntitySelect.JoinSpec join) {
        return with(p -> p.joins = plus(p.joins, new EntitySelect.JoinSpec[] {join}, "join"));
    }

    /**
     * GROUP BY items: column expressions, or entity classes (all their columns, which every database accepts next
     * to the entity's columns in the SELECT).
     */
    public TupleSelect<T> groupBy(Object... items) {
        Object[] keyed = items.clone();
        for (int i = 0; i < keyed.length; i++) {
            if (keyed[i] instanceof Relation<?, ?> relation) {
                keyed[i] = relation.key();    // a reference groups by its foreign key
            } else if (!(keyed[i] instanceof Class<?>) && !(keyed[i] instanceof Expression<?>)) {
                throw new ArgumentException("groupBy takes entity classes, column expressions and many-to-one "
                        + "relations, not " + keyed[i] + ".");
            }
        }
        return with(p -> p.groupBy = plus(p.groupBy, keyed, "GROUP BY item"));
    }

    /** HAVING conditions, ANDed. */
    public TupleSelect<T> having(Condition... conditions) {
        return with(p -> p.having = plus(p.having, conditions, "HAVING condition"));
    }

    /** ORDER BY items: columns, attributes, {@code attribute.desc()}, aggregates, many-to-one relations (their key). */
    public TupleSelect<T> orderBy(Object... items) {
        ClauseElement[] keyed = new ClauseElement[items.length];
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof Relation<?, ?> relation) {
                keyed[i] = relation.key();
            } else if (items[i] instanceof ClauseElement element) {
                keyed[i] = element;
            } else {
                throw new ArgumentException("orderBy takes columns, attributes, ordering items and many-to-one "
                        + "relations, not " + items[i] + ".");
            }
        }
        return with(p -> p.orderBy = plus(p.orderBy, keyed, "ORDER BY item"));
    }

    /** SELECT DISTINCT. */
    public TupleSelect<T> distinct() {
        return with(p -> p.distinct = true);
    }

    /** Returns at most {@code count} rows. */
    public TupleSelect<T> limit(int count) {
        if (count < 0) {
            throw new ArgumentException("limit must not be negative, not " + count);
        }
        return with(p -> p.limit = count);
    }

    /** Skips the first {@code count} rows. */
    public TupleSelect<T> offset(int count) {
        if (count < 0) {
            throw new ArgumentException("offset must not be negative, not " + count);
        }
        return with(p -> p.offset = count);
    }

    List<Object> items() {
        return parts.items;
    }

    List<Condition> whereConditions() {
        return parts.where;
    }

    List<EntitySelect.JoinSpec> joins() {
        return parts.joins;
    }

    List<Object> groupByItems() {
        return parts.groupBy;
    }

    List<Condition> havingConditions() {
        return parts.having;
    }

    List<ClauseElement> orderByItems() {
        return parts.orderBy;
    }

    @Nullable Integer limitValue() {
        return parts.limit;
    }

    @Nullable Integer offsetValue() {
        return parts.offset;
    }

    boolean isDistinct() {
        return parts.distinct;
    }

    T row(@Nullable Object[] values) {
        return rows.apply(values);
    }

    @Override
    public String toString() {
        return "select(" + parts.items + ")";
    }
}
