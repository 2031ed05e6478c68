package io.mapper.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.CompileException;
import io.mapper.sql.CacheableStatement;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Expression;
import io.mapper.sql.Insert;
import io.mapper.sql.Operation;
import io.mapper.sql.Sql;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.Update;
import io.mapper.types.SqlType;

/**
 * The upsert that PostgreSQL and SQLite share: {@code INSERT ... ON CONFLICT [(target)] DO UPDATE SET ... | DO
 * NOTHING}. Each of those dialects has a final subclass ({@code PostgresInsert}, {@code SqliteInsert}) that compiles
 * only for its database; their compilers extend {@link OnConflictCompiler}. Immutable and generative.
 *
 * @param <S> the dialect's subclass
 */
public abstract class OnConflictInsert<S extends OnConflictInsert<S>> extends CacheableStatement {

    private final Insert insert;
    private final @Nullable List<ColumnClause<?>> conflictTarget;
    private final @Nullable Update conflictUpdate;

    protected OnConflictInsert(Insert insert, @Nullable List<? extends ColumnClause<?>> conflictTarget,
            @Nullable Update conflictUpdate) {
        this.insert = Objects.requireNonNull(insert, "insert");
        this.conflictTarget = conflictTarget == null ? null : List.copyOf(conflictTarget);
        this.conflictUpdate = conflictUpdate;
    }

    /** A copy of this statement with other parts; each subclass returns its own type. */
    protected abstract S copy(Insert newInsert, @Nullable List<? extends ColumnClause<?>> newTarget,
            @Nullable Update newUpdate);

    /** One row of values (see {@link Insert#values(Map)}). */
    public S values(Map<?, ?> row) {
        return copy(insert.values(row), conflictTarget, conflictUpdate);
    }

    /** Several rows of values. */
    public S values(List<? extends Map<?, ?>> rows) {
        return copy(insert.values(rows), conflictTarget, conflictUpdate);
    }

    /** Adds RETURNING columns. */
    public S returning(Object... columns) {
        return copy(insert.returning(columns), conflictTarget, conflictUpdate);
    }

    /** {@code ON CONFLICT [(target)] DO NOTHING}. */
    public S onConflictDoNothing(ColumnClause<?>... target) {
        return copy(insert, List.of(target), null);
    }

    /** {@code ON CONFLICT (target) DO UPDATE SET column = value, ...}; values may use {@link #excluded}. */
    public S onConflictDoUpdate(List<? extends ColumnClause<?>> target, Map<?, ?> set) {
        if (target.isEmpty()) {
            throw new ArgumentException("ON CONFLICT DO UPDATE needs the conflicting columns (a primary key or "
                    + "unique constraint) as its target.");
        }
        return copy(insert, new ArrayList<>(target), Sql.update(insert.table()).values(set));
    }

    /** The value the conflicting row would have had: {@code excluded.column}. */
    public <T> Expression<T> excluded(ColumnClause<T> column) {
        return new Excluded<>(column);
    }

    /** The INSERT part. */
    public Insert insert() {
        return insert;
    }

    /** The conflict target, empty for a targetless DO NOTHING, or null without an ON CONFLICT clause. */
    public @Nullable List<ColumnClause<?>> conflictTarget() {
        return conflictTarget;
    }

    /** The DO UPDATE SET part, or null for DO NOTHING. */
    public @Nullable Update conflictUpdate() {
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
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && other instanceof OnConflictInsert<?> that
                && insert.equals(that.insert) && Objects.equals(conflictTarget, that.conflictTarget)
                && Objects.equals(conflictUpdate, that.conflictUpdate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), insert, conflictTarget, conflictUpdate);
    }

    /** {@code excluded.column} in an ON CONFLICT DO UPDATE. */
    record Excluded<T>(ColumnClause<T> column) implements Expression<T> {

        @Override
        public SqlType<T> type() {
            return column.type();
        }

        @Override
        public void accept(SqlVisitor visitor) {
            if (!(visitor instanceof OnConflictCompiler compiler)) {
                throw new CompileException("excluded(...) belongs to the ON CONFLICT DO UPDATE of PostgreSQL and "
                        + "SQLite.");
            }
            compiler.visitExcluded(column);
        }
    }
}
