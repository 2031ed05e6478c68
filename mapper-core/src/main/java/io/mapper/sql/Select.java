package io.mapper.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.types.Types;

/**
 * A SELECT statement, built generatively: every method returns a new {@code Select} and leaves this one unchanged.
 *
 * <pre>{@code
 * // SELECT customer.name, count(*) AS orders FROM customer JOIN orders ON customer.id = orders.customer_id
 * //   WHERE customer.country = ? GROUP BY customer.name ORDER BY orders DESC LIMIT ?
 * Label<Long> orderCount = count().label("orders");
 * select(name, orderCount).from(customer).join(orders).where(country.eq("DE"))
 *         .groupBy(name).orderBy(orderCount.desc()).limit(10);
 * }</pre>
 *
 * <p>Without {@link #from} the FROM clause lists the tables of the selected columns and of the WHERE clause; in a
 * subquery, tables of the enclosing query are left out (correlation). Immutable and thread-safe; two selects with
 * the same structure are equal whatever their bound values, which makes them keys of the compiled-statement cache.
 */
public final class Select extends CacheableStatement implements SelectBase {

    /** The parts of a select; never changed once the select that holds it is constructed. */
    private static final class Parts implements Cloneable {
        List<Expression<?>> columns = List.of();
        List<ClauseElement> froms = List.of();
        List<Condition> where = List.of();
        List<Expression<?>> groupBy = List.of();
        List<Condition> having = List.of();
        List<OrderByElement> orderBy = List.of();
        @Nullable BindParameter<Integer> limit;
        @Nullable BindParameter<Integer> offset;
        boolean distinct;
        @Nullable RowLock lock;
        /**
         * The tables of {@link #columns}, in order of appearance, memoised for the list they were found in: a copy
         * keeps them while its columns stay the same list, so {@code base.where(...)} per call does not walk the
         * columns again.
         */
        // One immutable pair in one field: a thread that sees the list it was found in sees its tables too.
        @Nullable ColumnTables columnTables;

        List<TableClause> columnTables() {
            ColumnTables known = columnTables;
            if (known == null || known.of() != columns) {
                Set<TableClause> found = new java.util.HashSet<>();
                List<TableClause> ordered = new ArrayList<>();
                for (Expression<?> column : columns) {
                    collectTables(column, found, ordered);
                }
                known = new ColumnTables(columns, List.copyOf(ordered));
                columnTables = known;
            }
            return known.tables();
        }

        Parts copy() {
            try {
                return (Parts) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        List<Object> structure() {
            return java.util.Arrays.asList(columns, froms, where, groupBy, having, orderBy, limit, offset, distinct,
                    lock);
        }
    }

    /** The tables of a column list, and the list they were found in. */
    private record ColumnTables(List<Expression<?>> of, List<TableClause> tables) {
    }

    private final Parts parts;
    // Derived once: a select never changes, and compiling, caching and binding each walk it.
    private volatile @Nullable List<ClauseElement> children;
    private int hash;

    private Select(Parts parts) {
        this.parts = parts;
    }

    static Select of(Object... columns) {
        Parts parts = new Parts();
        parts.columns = columnsOf(columns);
        return new Select(parts);
    }

    static List<Expression<?>> columnsOf(Object... columns) {
        List<Expression<?>> result = new ArrayList<>();
        for (Object column : columns) {
            Objects.requireNonNull(column, "a column given to select(...) is null");
            if (column instanceof TableClause table) {
                result.addAll(table.columns());
            } else if (column instanceof Expression<?> expression) {
                result.add(expression);
            } else if (column instanceof TextClause text) {
                // SQLAlchemy's select(text("'some phrase'")): a fragment of unknown type, read as the driver gives it.
                result.add(text.asColumn(BuiltinTypes.NULL));
            } else {
                throw new ArgumentException("select(...) takes columns, tables, expressions and text(...), not a "
                        + column.getClass().getSimpleName() + "; wrap a value in literal(...).");
            }
        }
        return List.copyOf(result);
    }

    private Select with(java.util.function.Consumer<Parts> change) {
        Parts copy = parts.copy();
        change.accept(copy);
        return new Select(copy);
    }

    private static <E> List<E> append(List<E> list, List<? extends E> more) {
        List<E> result = new ArrayList<>(list);
        for (E element : more) {
            result.add(Objects.requireNonNull(element, "a null was passed to a Select method"));
        }
        return List.copyOf(result);
    }

    /** Adds columns to the columns clause. */
    public Select addColumns(Object... columns) {
        List<Expression<?>> more = columnsOf(columns);
        return with(p -> p.columns = append(p.columns, more));
    }

    /** Adds tables (or joins) to the FROM clause explicitly. */
    public Select from(ClauseElement... froms) {
        for (ClauseElement from : froms) {
            if (!(from instanceof TableClause || from instanceof Join)) {
                throw new ArgumentException("from(...) takes tables, aliases, subqueries, CTEs and joins, not a "
                        + from.getClass().getSimpleName() + ".");
            }
        }
        return with(p -> p.froms = append(p.froms, List.of(froms)));
    }

    /** Adds conditions to the WHERE clause; repeated calls are joined with AND. */
    public Select where(Condition... conditions) {
        return with(p -> p.where = append(p.where, List.of(conditions)));
    }

    /** Adds a hand-written condition, its parameters bound first: {@code where(text("id > :n").bind("n", 5))}. */
    public Select where(TextClause condition) {
        return where(condition.asCondition());
    }

    /** Makes the statement {@code SELECT DISTINCT}. */
    public Select distinct() {
        return with(p -> p.distinct = true);
    }

    /** Joins {@code right} to the last FROM item (or the first table of the columns), inferring ON from a foreign key. */
    public Select join(TableClause right) {
        return joined(right, null, Join.Type.INNER);
    }

    /** Joins {@code right} on {@code on}. */
    public Select join(TableClause right, Condition on) {
        return joined(right, on, Join.Type.INNER);
    }

    /** Left-outer-joins {@code right}, inferring ON from a foreign key. */
    public Select outerJoin(TableClause right) {
        return joined(right, null, Join.Type.LEFT_OUTER);
    }

    /** Left-outer-joins {@code right} on {@code on}. */
    public Select outerJoin(TableClause right, Condition on) {
        return joined(right, on, Join.Type.LEFT_OUTER);
    }

    /** Full-outer-joins {@code right} on {@code on}; refused when compiled for a database without FULL JOIN. */
    public Select fullOuterJoin(TableClause right, Condition on) {
        return joined(right, on, Join.Type.FULL_OUTER);
    }

    private Select joined(TableClause right, @Nullable Condition on, Join.Type type) {
        List<ClauseElement> froms = new ArrayList<>(parts.froms);
        ClauseElement left;
        if (froms.isEmpty()) {
            List<TableClause> implicit = implicitTables();
            if (implicit.isEmpty()) {
                throw new ArgumentException("join(" + right.name() + ") needs a table to join from; select a "
                        + "column of one, or call from(table) first.");
            }
            left = implicit.get(0);
        } else {
            left = froms.remove(froms.size() - 1);
        }
        froms.add(Join.of(left, right, on, type));
        List<ClauseElement> result = List.copyOf(froms);
        return with(p -> p.froms = result);
    }

    /** Adds ORDER BY items: expressions (ascending) or {@code asc()}/{@code desc()} elements. */
    public Select orderBy(ClauseElement... items) {
        List<OrderByElement> elements = orderElements(items);
        return with(p -> p.orderBy = append(p.orderBy, elements));
    }

    static List<OrderByElement> orderElements(ClauseElement... items) {
        List<OrderByElement> elements = new ArrayList<>(items.length);
        for (ClauseElement item : items) {
            if (item instanceof OrderByElement element) {
                elements.add(element);
            } else if (item instanceof Expression<?> expression) {
                elements.add(expression.asc());
            } else {
                throw new ArgumentException("orderBy(...) takes expressions and asc()/desc() items, not a "
                        + (item == null ? "null" : item.getClass().getSimpleName()) + ".");
            }
        }
        return elements;
    }

    /** Adds GROUP BY expressions. */
    public Select groupBy(Expression<?>... expressions) {
        return with(p -> p.groupBy = append(p.groupBy, List.of(expressions)));
    }

    /** Adds HAVING conditions, joined with AND. */
    public Select having(Condition... conditions) {
        return with(p -> p.having = append(p.having, List.of(conditions)));
    }

    /** Returns at most {@code limit} rows (bound, so any limit shares one compiled statement). */
    public Select limit(int limit) {
        if (limit < 0) {
            throw new ArgumentException("limit must not be negative, not " + limit);
        }
        return with(p -> p.limit = new BindParameter<>("param", Types.INTEGER, limit, true));
    }

    /** Skips the first {@code offset} rows. */
    public Select offset(int offset) {
        if (offset < 0) {
            throw new ArgumentException("offset must not be negative, not " + offset);
        }
        return with(p -> p.offset = new BindParameter<>("param", Types.INTEGER, offset, true));
    }

    /** Locks the selected rows: {@code FOR UPDATE}. */
    public Select forUpdate() {
        return lock(RowLock.UPDATE);
    }

    /** Locks the selected rows with the given behaviour for rows already locked. */
    public Select forUpdate(ForUpdate mode) {
        Objects.requireNonNull(mode, "mode must not be null");
        return lock(new RowLock(false, mode, List.of()));
    }

    /** Takes a shared lock on the selected rows: {@code FOR SHARE} ({@code LOCK IN SHARE MODE} on MariaDB). */
    public Select forShare() {
        return lock(RowLock.SHARE);
    }

    /**
     * Locks the selected rows as {@code lock} says (shared or exclusive, {@code NOWAIT}, {@code SKIP LOCKED},
     * {@code OF} some tables); SQLAlchemy's {@code with_for_update}.
     */
    public Select lock(RowLock lock) {
        Objects.requireNonNull(lock, "lock must not be null: use RowLock.UPDATE");
        return with(p -> p.lock = lock);
    }

    /** {@code EXISTS (this)}. */
    public Condition exists() {
        return new Exists(this, false);
    }

    @Override
    public List<Expression<?>> selectedColumns() {
        return parts.columns;
    }

    /** The explicit FROM items. */
    public List<ClauseElement> froms() {
        return parts.froms;
    }

    /** The WHERE conditions (joined with AND). */
    public List<Condition> whereConditions() {
        return parts.where;
    }

    /** The GROUP BY expressions. */
    public List<Expression<?>> groupByExpressions() {
        return parts.groupBy;
    }

    /** The HAVING conditions (joined with AND). */
    public List<Condition> havingConditions() {
        return parts.having;
    }

    /** The ORDER BY items. */
    public List<OrderByElement> orderByElements() {
        return parts.orderBy;
    }

    /** The LIMIT parameter, or null. */
    public @Nullable BindParameter<Integer> limitParameter() {
        return parts.limit;
    }

    /** The OFFSET parameter, or null. */
    public @Nullable BindParameter<Integer> offsetParameter() {
        return parts.offset;
    }

    /** Whether the statement is SELECT DISTINCT. */
    public boolean isDistinct() {
        return parts.distinct;
    }

    /** The row lock, or null for none. */
    public @Nullable RowLock rowLock() {
        return parts.lock;
    }

    /** How the row lock waits, or null for no lock. */
    public @Nullable ForUpdate forUpdateMode() {
        return parts.lock == null ? null : parts.lock.mode();
    }

    /**
     * The FROM items to render: the explicit ones, then each table of the columns and WHERE clause not already
     * among them (inside subqueries excluded), in order of appearance.
     */
    public List<ClauseElement> effectiveFroms() {
        if (parts.froms.isEmpty()) {
            return new ArrayList<>(implicitTables());
        }
        List<ClauseElement> froms = new ArrayList<>(parts.froms);
        Set<TableClause> covered = new java.util.HashSet<>();
        for (ClauseElement from : parts.froms) {
            if (from instanceof Join join) {
                covered.addAll(join.tables());
            } else {
                covered.add((TableClause) from);
            }
        }
        for (TableClause table : implicitTables()) {
            if (covered.add(table)) {
                froms.add(table);
            }
        }
        return froms;
    }

    private List<TableClause> implicitTables() {
        List<TableClause> ofColumns = parts.columnTables();
        if (parts.where.isEmpty()) {
            return ofColumns;
        }
        // A handful of tables: a list's linear search is cheaper than hashing them into a set.
        List<TableClause> ordered = new ArrayList<>(ofColumns);
        for (Condition condition : parts.where) {
            collectTables(condition, null, ordered);
        }
        return ordered;
    }

    /** Adds the tables of {@code element}'s columns to {@code ordered} once each ({@code found}: those seen, or null). */
    static void collectTables(ClauseElement element, @Nullable Set<TableClause> found, List<TableClause> ordered) {
        if (element instanceof ColumnClause<?> column) {
            TableClause table = column.table();
            if (table != null && (found == null ? !ordered.contains(table) : found.add(table))) {
                ordered.add(table);
            }
            return;
        }
        if (element instanceof SelectBase || element instanceof ScalarSubquery<?> || element instanceof Exists) {
            return;
        }
        for (ClauseElement child : element.children()) {
            collectTables(child, found, ordered);
        }
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> known = children;
        if (known == null) {
            known = List.copyOf(collectChildren());
            children = known;
        }
        return known;
    }

    private List<ClauseElement> collectChildren() {
        List<ClauseElement> children = new ArrayList<>();
        children.addAll(parts.columns);
        children.addAll(parts.froms);
        children.addAll(parts.where);
        children.addAll(parts.groupBy);
        children.addAll(parts.having);
        children.addAll(parts.orderBy);
        if (parts.limit != null) {
            children.add(parts.limit);
        }
        if (parts.offset != null) {
            children.add(parts.offset);
        }
        // Implicit FROM items (a CTE selected from without from()) must be found too.
        if (parts.froms.isEmpty()) {
            children.addAll(implicitTables());
        } else {
            for (ClauseElement from : effectiveFroms()) {
                if (!parts.froms.contains(from)) {
                    children.add(from);
                }
            }
        }
        return children;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitSelect(this);
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof Select that && parts.structure().equals(that.parts.structure());
    }

    @Override
    public int hashCode() {
        int known = hash;
        if (known == 0) {
            known = parts.structure().hashCode();
            hash = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
