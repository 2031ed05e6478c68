package io.mapper.dialect.sqlite;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.dialect.OnConflictCompiler;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.sql.BindParameter;
import io.mapper.sql.DateTrunc;
import io.mapper.sql.Extract;
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

    private final SqliteTemporalStorage temporalStorage;

    SqliteCompiler(IdentifierPreparer identifiers, boolean returning, boolean fullOuterJoin,
            boolean namedParameters, SqliteTemporalStorage temporalStorage) {
        super(identifiers, "sqlite", namedParameters);
        this.returning = returning;
        this.fullOuterJoin = fullOuterJoin;
        this.temporalStorage = temporalStorage;
    }

    static SqliteCompiler forDisplay() {
        return new SqliteCompiler(new IdentifierPreparer(), true, true, true, SqliteTemporalStorage.SECONDS);
    }

    @Override
    protected String rowValueListPrefix() {
        return "VALUES ";    // SQLite's row-value IN takes a subquery, not a list of rows
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
        // CURRENT_TIMESTAMP has whole seconds only; %f keeps milliseconds, always three digits. The value takes the
        // storage format, so it equals a stored timestamp: trailing zeros (and a bare point) trimmed by default,
        // six digits for MICROSECONDS.
        if (temporalStorage == SqliteTemporalStorage.MICROSECONDS) {
            out.raw("STRFTIME('%Y-%m-%d %H:%M:%f', 'now') || '000'");
        } else {
            out.raw("RTRIM(RTRIM(STRFTIME('%Y-%m-%d %H:%M:%f', 'now'), '0'), '.')");
        }
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
    protected boolean supportsUpdateFrom() {
        return true;
    }

    @Override
    protected void updateFromClause(List<TableClause> tables) {
        updateFromTables(tables);
    }

    void visitSqliteInsert(SqliteInsert insert) {
        onConflictInsert(insert);
    }

    /** SQLite has no EXTRACT: {@code strftime} reads the field from the ISO text. */
    @Override
    public void visitExtract(Extract extract) {
        String format = switch (extract.field()) {
            case YEAR -> "%Y";
            case MONTH -> "%m";
            case DAY -> "%d";
            case HOUR -> "%H";
            case MINUTE -> "%M";
            case SECOND -> "%S";
        };
        out.raw("CAST(strftime('").raw(format).raw("', ");
        render(extract.operand());
        out.raw(") AS INTEGER)");
    }

    /** The truncated value in the storage format of its type (SqliteTypes): a date, or a timestamp with seconds. */
    @Override
    public void visitDateTrunc(DateTrunc<?> trunc) {
        String format = isDate(trunc.operand()) ? switch (trunc.unit()) {
            case YEAR -> "%Y-01-01";
            case MONTH -> "%Y-%m-01";
            default -> "%Y-%m-%d";
        } : switch (trunc.unit()) {
            case YEAR -> "%Y-01-01 00:00:00";
            case MONTH -> "%Y-%m-01 00:00:00";
            case DAY -> "%Y-%m-%d 00:00:00";
            case HOUR -> "%Y-%m-%d %H:00:00";
            case MINUTE -> "%Y-%m-%d %H:%M:00";
            case SECOND -> "%Y-%m-%d %H:%M:%S";
        };
        if (temporalStorage == SqliteTemporalStorage.MICROSECONDS && !isDate(trunc.operand())) {
            format += ".000000";
        }
        out.raw("strftime('").raw(format).raw("', ");
        render(trunc.operand());
        out.raw(")");
    }
}
