package io.mapper.dialect.sqlite;

import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.CompileException;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Expression;
import io.mapper.sql.Insert;
import io.mapper.sql.Operation;
import io.mapper.sql.Sql;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.TableClause;
import io.mapper.sql.Update;
import io.mapper.sql.Executable;
import io.mapper.sql.BoundParameters;
import io.mapper.types.SqlType;

/**
 * SQLite's upsert: {@code INSERT ... ON CONFLICT (target) DO UPDATE SET ... | DO NOTHING}. Compiles only for
 * SQLite. Immutable.
 *
 * <pre>{@code
 * // INSERT INTO product (sku, price) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET price = excluded.price
 * SqliteInsert upsert = SqliteInsert.insert(product).values(Map.of("sku", "A1", "price", price));
 * upsert = upsert.onConflictDoUpdate(List.of(sku), Map.of("price", upsert.excluded(priceColumn)));
 * }</pre>
 */
public final class SqliteInsert implements Executable {

    private final Insert insert;
    private final @Nullable List<ColumnClause<?>> conflictTarget;
    private final @Nullable Update conflictUpdate;

    private SqliteInsert(Insert insert, @Nullable List<ColumnClause<?>> conflictTarget,
            @Nullable Update conflictUpdate) {
        this.insert = insert;
        this.conflictTarget = conflictTarget == null ? null : List.copyOf(conflictTarget);
        this.conflictUpdate = conflictUpdate;
    }

    /** An INSERT into {@code table} that can take an ON CONFLICT clause. */
    public static SqliteInsert insert(TableClause table) {
        return new SqliteInsert(Sql.insert(table), null, null);
    }

    /** One row of values (see {@link Insert#values(Map)}). */
    public SqliteInsert values(Map<?, ?> row) {
        return new SqliteInsert(insert.values(row), conflictTarget, conflictUpdate);
    }

    /** Several rows of values. */
    public SqliteInsert values(List<? extends Map<?, ?>> rows) {
        return new SqliteInsert(insert.values(rows), conflictTarget, conflictUpdate);
    }

    /** Adds RETURNING columns. */
    public SqliteInsert returning(Object... columns) {
        return new SqliteInsert(insert.returning(columns), conflictTarget, conflictUpdate);
    }

    /** {@code ON CONFLICT [(target)] DO NOTHING}. */
    public SqliteInsert onConflictDoNothing(ColumnClause<?>... target) {
        return new SqliteInsert(insert, List.of(target), null);
    }

    /** {@code ON CONFLICT (target) DO UPDATE SET column = value, ...}; values may use {@link #excluded}. */
    public SqliteInsert onConflictDoUpdate(List<? extends ColumnClause<?>> target, Map<?, ?> set) {
        if (target.isEmpty()) {
            throw new io.mapper.exception.ArgumentException("ON CONFLICT DO UPDATE needs the conflicting columns "
                    + "(a primary key or unique constraint) as its target.");
        }
        return new SqliteInsert(insert, new ArrayList<>(target), Sql.update(insert.table()).values(set));
    }

    /** The value the conflicting row would have had: {@code excluded.column}. */
    public <T> Expression<T> excluded(ColumnClause<T> column) {
        return new Excluded<>(column);
    }

    Insert insert() {
        return insert;
    }

    @Nullable List<ColumnClause<?>> conflictTarget() {
        return conflictTarget;
    }

    @Nullable Update conflictUpdate() {
        return conflictUpdate;
    }

    @Override
    public Operation operation() {
        return Operation.INSERT;
    }

    @Override
    public List<? extends Expression<?>> resultColumns() {
        return insert.returning();
    }

    @Override
    public List<? extends ClauseElement> children() {
        return conflictUpdate == null ? List.of(insert) : List.of(insert, conflictUpdate);
    }

    @Override
    public Map<String, @Nullable Object> boundValues() {
        return BoundParameters.of(this).values();
    }

    @Override
    public @Nullable Object cacheKey() {
        return BoundParameters.cacheKey(this);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        if (!(visitor instanceof SqliteCompiler compiler)) {
            throw new CompileException("SqliteInsert is SQLite's INSERT ... ON CONFLICT and compiles only for "
                    + "SQLite; use the insert of your database's dialect package.");
        }
        compiler.visitSqliteInsert(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqliteInsert that && insert.equals(that.insert)
                && java.util.Objects.equals(conflictTarget, that.conflictTarget)
                && java.util.Objects.equals(conflictUpdate, that.conflictUpdate);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(insert, conflictTarget, conflictUpdate);
    }

    @Override
    public String toString() {
        return SqliteCompiler.forDisplay().display(this);
    }

    /** {@code excluded.column} in an ON CONFLICT DO UPDATE. */
    record Excluded<T>(ColumnClause<T> column) implements Expression<T> {

        @Override
        public SqlType<T> type() {
            return column.type();
        }

        @Override
        public void accept(SqlVisitor visitor) {
            if (!(visitor instanceof SqliteCompiler compiler)) {
                throw new CompileException("excluded(...) belongs to SQLite's ON CONFLICT DO UPDATE.");
            }
            compiler.visitExcluded(column);
        }
    }
}
