package io.mapper.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An UPDATE with SET values (plain values or expressions such as {@code stock.minus(1)}), WHERE and RETURNING.
 * When the values or the WHERE clause refer to other tables, it becomes an update from those tables, rendered per
 * dialect ({@code UPDATE ... FROM} or MySQL's multi-table UPDATE). Generative and immutable.
 *
 * <pre>{@code
 * // UPDATE product SET stock = (product.stock - ?) WHERE product.id = ?
 * update(product).set(stock, stock.minus(1)).where(id.eq(7));
 * }</pre>
 */
public final class Update extends CacheableStatement {

    private final TableClause table;
    private final List<ColumnClause<?>> columns;
    private final List<Expression<?>> values;
    private final List<Condition> where;
    private final List<Expression<?>> returning;
    private int hash;    // memoised: statements are immutable, and the compiled cache hashes them per execution

    private Update(TableClause table, List<ColumnClause<?>> columns, List<Expression<?>> values,
            List<Condition> where, List<Expression<?>> returning) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.values = List.copyOf(values);
        this.where = List.copyOf(where);
        this.returning = List.copyOf(returning);
    }

    static Update of(TableClause table) {
        return new Update(Objects.requireNonNull(table, "table must not be null"), List.of(), List.of(), List.of(),
                List.of());
    }

    /** Sets a column to a value or an expression. */
    public Update set(ColumnClause<?> column, @Nullable Object value) {
        ColumnClause<?> target = DmlSupport.column(table, column);
        List<ColumnClause<?>> cols = new ArrayList<>(columns);
        List<Expression<?>> vals = new ArrayList<>(values);
        Expression<?> expression = DmlSupport.value(target, value);
        int index = cols.indexOf(target);
        if (index >= 0) {
            vals.set(index, expression);
        } else {
            cols.add(target);
            vals.add(expression);
        }
        return new Update(table, cols, vals, where, returning);
    }

    /** Sets several columns (by column or name) to values or expressions. */
    public Update values(Map<?, ?> values) {
        Update result = this;
        for (Map.Entry<ColumnClause<?>, Expression<?>> entry : DmlSupport.row(table, values).entrySet()) {
            result = result.set(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /** Adds WHERE conditions, joined with AND. */
    public Update where(Condition... conditions) {
        return new Update(table, columns, values, DmlSupport.append(where, List.of(conditions)), returning);
    }

    /** Adds RETURNING columns; refused when compiled for a database that cannot return them. */
    public Update returning(Object... columns) {
        return new Update(table, this.columns, values, where,
                DmlSupport.append(returning, DmlSupport.returning(columns)));
    }

    /** The target table. */
    public TableClause table() {
        return table;
    }

    @Override
    public String collectionName() {
        return DmlSupport.collectionName(table);
    }

    /** The SET columns, in order. */
    public List<ColumnClause<?>> columns() {
        return columns;
    }

    /** The SET values, in column order. */
    public List<Expression<?>> values() {
        return values;
    }

    /** The WHERE conditions. */
    public List<Condition> whereConditions() {
        return where;
    }

    /** The RETURNING expressions. */
    public List<Expression<?>> returning() {
        return returning;
    }

    /** The tables other than the target that the SET values and WHERE clause refer to (outside subqueries). */
    public List<TableClause> extraFroms() {
        Set<TableClause> found = new java.util.HashSet<>();
        found.add(table);
        List<TableClause> ordered = new ArrayList<>();
        for (Expression<?> value : values) {
            Select.collectTables(value, found, ordered);
        }
        for (Condition condition : where) {
            Select.collectTables(condition, found, ordered);
        }
        return ordered;
    }

    @Override
    public Operation operation() {
        return Operation.UPDATE;
    }

    @Override
    public List<Expression<?>> resultColumns() {
        return returning;
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> children = new ArrayList<>(values);
        children.addAll(where);
        children.addAll(returning);
        children.addAll(extraFroms());
        return children;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitUpdate(this);
    }

    private List<Object> structure() {
        return Arrays.asList(table, columns, values, where, returning);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Update that && structure().equals(that.structure());
    }

    @Override
    public int hashCode() {
        int known = hash;
        if (known == 0) {
            known = structure().hashCode();
            hash = known;
        }
        return known;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
