package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The row lock a SELECT takes, SQLAlchemy's {@code with_for_update(read, nowait, skip_locked, of)}: exclusive
 * ({@code FOR UPDATE}) or shared ({@code FOR SHARE}), what to do about rows another transaction holds, and the
 * tables whose rows to lock when the query joins several. Immutable and thread-safe.
 *
 * <pre>{@code
 * // SELECT ... FROM account WHERE ... FOR UPDATE OF account SKIP LOCKED
 * select(account).join(owner).where(...).lock(RowLock.UPDATE.of(account).skipLocked());
 * }</pre>
 *
 * <p>Each dialect renders it its own way or refuses it: see docs/sql.md, "Row locks".
 *
 * @param shared whether the lock is shared ({@code FOR SHARE}: others may read-lock, nobody may write)
 * @param mode what happens when a row is already locked
 * @param of the tables whose rows to lock; empty for every table of the query
 */
public record RowLock(boolean shared, ForUpdate mode, List<TableClause> of) {

    /** {@code FOR UPDATE}: an exclusive lock, waiting for rows other transactions hold. */
    public static final RowLock UPDATE = new RowLock(false, ForUpdate.WAIT, List.of());

    /** {@code FOR SHARE}: a shared lock, waiting for rows other transactions hold exclusively. */
    public static final RowLock SHARE = new RowLock(true, ForUpdate.WAIT, List.of());

    /** A lock; {@code of} may be empty. */
    public RowLock {
        Objects.requireNonNull(mode, "mode must not be null: use ForUpdate.WAIT");
        of = List.copyOf(of);
    }

    /** The same lock, failing at once on a row another transaction holds ({@code NOWAIT}). */
    public RowLock nowait() {
        return new RowLock(shared, ForUpdate.NOWAIT, of);
    }

    /** The same lock, leaving rows another transaction holds out of the result ({@code SKIP LOCKED}). */
    public RowLock skipLocked() {
        return new RowLock(shared, ForUpdate.SKIP_LOCKED, of);
    }

    /** The same lock, taken only on the rows of these tables (or aliases) of a query that joins several. */
    public RowLock of(TableClause... tables) {
        List<TableClause> all = new ArrayList<>(of);
        for (TableClause table : tables) {
            all.add(Objects.requireNonNull(table, "a table given to of(...) is null"));
        }
        return new RowLock(shared, mode, all);
    }
}
