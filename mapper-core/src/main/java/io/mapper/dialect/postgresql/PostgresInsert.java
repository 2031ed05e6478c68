package io.mapper.dialect.postgresql;

import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.IdentifierPreparer;
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
 * PostgreSQL's upsert: {@code INSERT ... ON CONFLICT (target) DO UPDATE SET ... | DO NOTHING}. Compiles only for
 * PostgreSQL. Immutable.
 *
 * <pre>{@code
 * // INSERT INTO product (sku, price) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET price = excluded.price
 * PostgresInsert upsert = PostgresInsert.insert(product).values(Map.of("sku", "A1", "price", price));
 * upsert = upsert.onConflictDoUpdate(List.of(sku), Map.of("price", upsert.excluded(priceColumn)));
 * }</pre>
 */
public final class PostgresInsert implements Executable {

    private final Insert insert;
    private final @Nullable List<ColumnClause<?>> conflictTarget;
    private final @Nullable Update conflictUpdate;

    private PostgresInsert(Insert insert, @Nullable List<ColumnClause<?>> conflictTarget,
            @Nullable Update conflictUpdate) {
        this.insert = insert;
        this.conflictTarget = conflictTarget == null ? null : List.copyOf(conflictTarget);
        this.conflictUpdate = conflictUpdate;
    }

    /** An INSERT into {@code table} that can take an ON CONFLICT clause. */
    public static PostgresInsert insert(TableClause table) {
        return new PostgresInsert(Sql.insert(table), null, null);
    }

    /** One row of values (see {@link Insert#values(Map)}). */
    public PostgresInsert values(Map<?, ?> row) {
        return new PostgresInsert(insert.values(row), conflictTarget, conflictUpdate);
    }

    /** Several rows of values. */
    public PostgresInsert values(List<? extends Map<?, ?>> rows) {
        return new PostgresInsert(insert.values(rows), conflictTarget, conflictUpdate);
    }

    /** Adds RETURNING columns. */
    public PostgresInsert returning(Object... columns) {
        return new PostgresInsert(insert.returning(columns), conflictTarget, conflictUpdate);
    }

    /** {@code ON CONFLICT [(target)] DO NOTHING}. */
    public PostgresInsert onConflictDoNothing(ColumnClause<?>... target) {
        return new PostgresInsert(insert, List.of(target), null);
    }

    /** {@code ON CONFLICT (target) DO UPDATE SET column = value, ...}; values may use {@link #excluded}. */
    public PostgresInsert onConflictDoUpdate(List<? extends ColumnClause<?>> target, Map<?, ?> set) {
        if (target.isEmpty()) {
            throw new io.mapper.exception.ArgumentException("ON CONFLICT DO UPDATE needs the conflicting columns "
                    + "(a primary key or unique constraint) as its target.");
        }
        return new PostgresInsert(insert, new ArrayList<>(target), Sql.update(insert.table()).values(set));
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
        if (!(visitor instanceof PostgresCompiler compiler)) {
            throw new CompileException("PostgresInsert is PostgreSQL's INSERT ... ON CONFLICT and compiles only for "
                    + "PostgreSQL; use the insert of your database's dialect package.");
        }
        compiler.visitPostgresInsert(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostgresInsert that && insert.equals(that.insert)
                && java.util.Objects.equals(conflictTarget, that.conflictTarget)
                && java.util.Objects.equals(conflictUpdate, that.conflictUpdate);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(insert, conflictTarget, conflictUpdate);
    }

    @Override
    public String toString() {
        return new PostgresCompiler(new IdentifierPreparer(), true).display(this);
    }

    /** {@code excluded.column} in an ON CONFLICT DO UPDATE. */
    record Excluded<T>(ColumnClause<T> column) implements Expression<T> {

        @Override
        public SqlType<T> type() {
            return column.type();
        }

        @Override
        public void accept(SqlVisitor visitor) {
            if (!(visitor instanceof PostgresCompiler compiler)) {
                throw new CompileException("excluded(...) belongs to PostgreSQL's ON CONFLICT DO UPDATE.");
            }
            compiler.visitExcluded(column);
        }
    }
}
