package io.mapper.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * An INSERT: one row, several rows, or the rows of a SELECT, optionally with RETURNING. Generative and immutable.
 *
 * <pre>{@code
 * // INSERT INTO customer (name, email) VALUES (?, ?), (?, ?) RETURNING customer.id
 * insert(customer).values(List.of(Map.of("name", "Ann", "email", "a@x"), Map.of("name", "Bo", "email", "b@x")))
 *         .returning(customer.column("id"));
 * }</pre>
 */
public final class Insert extends CacheableStatement {

    private final TableClause table;
    private final List<ColumnClause<?>> columns;
    private final List<List<Expression<?>>> rows;
    private final @Nullable SelectBase select;
    private final List<Expression<?>> returning;
    private int hash;    // memoised: statements are immutable, and the compiled cache hashes them per execution

    private Insert(TableClause table, List<ColumnClause<?>> columns, List<List<Expression<?>>> rows,
            @Nullable SelectBase select, List<Expression<?>> returning) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.select = select;
        this.returning = List.copyOf(returning);
    }

    static Insert into(TableClause table) {
        return new Insert(Objects.requireNonNull(table, "table must not be null"), List.of(), List.of(), null,
                List.of());
    }

    /** One row: column (or column name) to value or expression. Replaces earlier values. */
    public Insert values(Map<?, ?> row) {
        return values(List.of(row));
    }

    /** Several rows, all with the same columns, sent as one multi-row VALUES statement. */
    public Insert values(List<? extends Map<?, ?>> rows) {
        if (rows.isEmpty()) {
            throw new ArgumentException("insert(" + table.name() + ").values(...) was given no rows.");
        }
        List<ColumnClause<?>> cols = null;
        List<List<Expression<?>>> result = new ArrayList<>();
        for (Map<?, ?> map : rows) {
            Map<ColumnClause<?>, Expression<?>> row = DmlSupport.row(table, map);
            if (cols == null) {
                cols = List.copyOf(row.keySet());
            } else if (!(row.keySet().containsAll(cols) && cols.containsAll(row.keySet()))) {
                throw new ArgumentException("Every row of a multi-row insert into '" + table.name() + "' must set the "
                        + "same columns; the first sets " + cols.stream().map(ColumnClause::name).toList()
                        + ", another " + row.keySet().stream().map(ColumnClause::name).toList() + ".");
            }
            List<Expression<?>> values = new ArrayList<>();
            for (ColumnClause<?> column : cols) {
                values.add(row.get(column));
            }
            result.add(values);
        }
        return new Insert(table, cols, result, null, returning);
    }

    /** Sets one column of a single-row insert. */
    public <T> Insert value(ColumnClause<T> column, @Nullable Object value) {
        if (rows.size() > 1 || select != null) {
            throw new ArgumentException("value(...) adds to a single-row insert; this one has " + rows.size()
                    + " rows" + (select != null ? " from a SELECT" : "") + ".");
        }
        ColumnClause<?> target = DmlSupport.column(table, column);
        List<ColumnClause<?>> cols = new ArrayList<>(columns);
        List<Expression<?>> row = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0));
        int index = cols.indexOf(target);
        Expression<?> expression = DmlSupport.value(target, value);
        if (index >= 0) {
            row.set(index, expression);
        } else {
            cols.add(target);
            row.add(expression);
        }
        return new Insert(table, cols, List.of(row), null, returning);
    }

    /** {@code INSERT INTO table (columns) SELECT ...}. */
    public Insert fromSelect(List<? extends ColumnClause<?>> targetColumns, SelectBase select) {
        List<ColumnClause<?>> cols = new ArrayList<>();
        for (ColumnClause<?> column : targetColumns) {
            cols.add(DmlSupport.column(table, column));
        }
        if (cols.size() != select.selectedColumns().size()) {
            throw new ArgumentException("insert(" + table.name() + ").fromSelect names " + cols.size()
                    + " columns but the SELECT returns " + select.selectedColumns().size() + ".");
        }
        return new Insert(table, cols, List.of(), select, returning);
    }

    /** Adds {@code RETURNING} columns; refused when compiled for a database that cannot return them. */
    public Insert returning(Object... columns) {
        return new Insert(table, this.columns, rows, select,
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

    /** The target columns, in order. */
    public List<ColumnClause<?>> columns() {
        return columns;
    }

    /** The value rows, each in column order; empty for an insert from a SELECT. */
    public List<List<Expression<?>>> rows() {
        return rows;
    }

    /** The SELECT the rows come from, or null. */
    public @Nullable SelectBase select() {
        return select;
    }

    /** The RETURNING expressions. */
    public List<Expression<?>> returning() {
        return returning;
    }

    @Override
    public Operation operation() {
        return Operation.INSERT;
    }

    @Override
    public List<Expression<?>> resultColumns() {
        return returning;
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> children = new ArrayList<>();
        for (List<Expression<?>> row : rows) {
            children.addAll(row);
        }
        if (select != null) {
            children.add(select);
        }
        children.addAll(returning);
        return children;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitInsert(this);
    }

    private List<Object> structure() {
        return Arrays.asList(table, columns, rows, select, returning);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Insert that && structure().equals(that.structure());
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
