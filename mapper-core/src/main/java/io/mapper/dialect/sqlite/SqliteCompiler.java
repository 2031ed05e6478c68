package io.mapper.dialect.sqlite;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.dialect.OnConflictCompiler;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.sql.BindParameter;
import io.mapper.sql.ForUpdate;
import io.mapper.sql.RowLock;
import io.mapper.sql.Operation;
import io.mapper.sql.TableClause;

/**
 * SQLite's SQL: {@code LIMIT -1} for an offset without a limit, no row locks (a write transaction locks the whole
 * database), millisecond timestamps through STRFTIME, RETURNING from 3.35, FULL JOIN from 3.39, {@code ON CONFLICT}.
 */
final class SqliteCompiler extends OnConflictCompiler {

    private final boolean returning;
    private final boolean fullOuterJoin;

    SqliteCompiler(IdentifierPreparer identifiers, boolean returning, boolean fullOuterJoin,
            boolean namedParameters) {
        super(identifiers, "sqlite", namedParameters);
        this.returning = returning;
        this.fullOuterJoin = fullOuterJoin;
    }

    static SqliteCompiler forDisplay() {
        return new SqliteCompiler(new IdentifierPreparer(), true, true, true);
    }

    @Override
    protected void limitClause(@Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset) {
        if (limit == null && offset != null) {
            // SQLite accepts OFFSET only after a LIMIT; -1 means no limit.
            out.raw(" LIMIT -1 OFFSET ");
            render(offset);
            return;
        }
        super.limitClause(limit, offset);
    }

    @Override
    protected void lockClause(RowLock lock) {
        if (lock.mode() != ForUpdate.WAIT) {
            throw new UnsupportedCompilationException("FOR UPDATE " + lock.mode().name().replace('_', ' '),
                    dialectName, "SQLite has no row locks: a write transaction locks the whole database. Use "
                            + "forUpdate() (rendered as nothing, as in SQLAlchemy), or begin the transaction with "
                            + "a write to hold the database lock.");
        }
        // Nothing to render (SQLAlchemy renders nothing either): the first write of a SQLite transaction locks the
        // whole database, which serialises writers; shared and OF locks are covered by it too.
    }

    @Override
    protected void currentTimestamp() {
        // CURRENT_TIMESTAMP has whole seconds only; this keeps milliseconds in the same text format.
        out.raw("STRFTIME('%Y-%m-%d %H:%M:%f', 'now')");
    }

    @Override
    protected boolean supportsReturning(Operation operation) {
        return returning;
    }

    @Override
    protected boolean supportsFullOuterJoin() {
        return fullOuterJoin;
    }

    @Override
    protected void updateFromClause(List<TableClause> tables) {
        updateFromTables(tables);
    }

    void visitSqliteInsert(SqliteInsert insert) {
        onConflictInsert(insert);
    }
}
