package io.mapper.dialect.mysql;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.sql.AggregateFilter;
import io.mapper.sql.BindParameter;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.DateTrunc;
import io.mapper.sql.Delete;
import io.mapper.sql.Expression;
import io.mapper.sql.Operation;
import io.mapper.sql.OrderByElement;
import io.mapper.sql.RowLock;
import io.mapper.sql.TableClause;
import io.mapper.sql.Update;
import io.mapper.types.SqlType;

/**
 * The MySQL family's SQL: an unbounded LIMIT for an offset alone, NULLS FIRST/LAST emulated with {@code IS NULL}
 * sort keys, {@code CONCAT()}, the multi-table UPDATE, {@code ON DUPLICATE KEY UPDATE}, CAST type names, and
 * RETURNING only where MariaDB has it.
 */
final class MySqlCompiler extends SqlCompiler {

    private static final String ALL_ROWS = "18446744073709551615"; // the MySQL manual's "no limit"

    private final boolean insertReturning;
    private final boolean deleteReturning;

    MySqlCompiler(IdentifierPreparer identifiers, String dialectName, boolean insertReturning,
            boolean deleteReturning, boolean namedParameters) {
        super(identifiers, dialectName, namedParameters);
        this.insertReturning = insertReturning;
        this.deleteReturning = deleteReturning;
    }

    @Override
    protected void limitClause(@Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset) {
        // MySQL accepts OFFSET only after a LIMIT, so an offset-only query needs an unbounded LIMIT.
        if (offset != null && limit == null) {
            out.raw(" LIMIT ").raw(ALL_ROWS).raw(" OFFSET ");
            render(offset);
            return;
        }
        super.limitClause(limit, offset);
    }

    @Override
    protected void lockClause(RowLock lock) {
        // MariaDB (and MySQL before 8) writes a shared lock as LOCK IN SHARE MODE, and has no OF: as in SQLAlchemy,
        // the lock then covers the rows of every table of the query, more than asked and never fewer.
        out.raw(lock.shared() ? " LOCK IN SHARE MODE" : " FOR UPDATE");
        lockWait(lock.mode());
    }

    @Override
    protected void orderByItem(OrderByElement order) {
        // MySQL has no NULLS FIRST/LAST; it sorts NULLs first ascending and last descending. An IS NULL key
        // (0 for values, 1 for NULL) placed before the real key moves them where asked.
        boolean nullsFirstByDefault = !order.descending();
        OrderByElement.Nulls nulls = order.nulls();
        if (nulls == OrderByElement.Nulls.FIRST && !nullsFirstByDefault
                || nulls == OrderByElement.Nulls.LAST && nullsFirstByDefault) {
            orderExpression(order.expression());
            out.raw(nulls == OrderByElement.Nulls.FIRST ? " IS NULL DESC, " : " IS NULL, ");
        }
        orderExpression(order.expression());
        if (order.descending()) {
            out.raw(" DESC");
        }
    }

    @Override
    protected void concat(Expression<?> left, Expression<?> right) {
        // || is logical OR in MySQL unless PIPES_AS_CONCAT is set.
        out.raw("CONCAT(");
        render(left);
        out.raw(", ");
        render(right);
        out.raw(")");
    }

    @Override
    protected void currentTimestamp() {
        out.raw("CURRENT_TIMESTAMP(6)");
    }

    @Override
    protected String castTypeName(SqlType<?> type) {
        String name = type.name();
        if (name.equals("INTEGER") || name.equals("BIGINT") || name.equals("SMALLINT")) {
            return "SIGNED";
        }
        if (name.startsWith("VARCHAR")) {
            return "CHAR" + name.substring("VARCHAR".length());
        }
        if (name.equals("TEXT")) {
            return "CHAR";
        }
        if (name.startsWith("NUMERIC")) {
            return "DECIMAL" + name.substring("NUMERIC".length());
        }
        if (name.startsWith("DOUBLE")) {
            // CAST accepts DOUBLE, not the standard's DOUBLE PRECISION.
            return "DOUBLE";
        }
        return name;
    }

    @Override
    protected boolean supportsFullOuterJoin() {
        return false;
    }

    @Override
    protected boolean supportsReturning(Operation operation) {
        return operation == Operation.INSERT ? insertReturning : operation == Operation.DELETE && deleteReturning;
    }

    @Override
    protected void emptyInsertValues() {
        out.raw(" () VALUES ()");
    }

    @Override
    protected String escapeLiteral(char escape) {
        // A backslash is an escape character inside MySQL string literals, so it must be doubled.
        return escape == '\\' ? "'\\\\'" : super.escapeLiteral(escape);
    }

    @Override
    protected void updateStatement(Update update) {
        List<TableClause> extra = update.extraFroms();
        if (extra.isEmpty()) {
            super.updateStatement(update);
            return;
        }
        // MySQL's multi-table UPDATE names every table up front and qualifies the SET columns.
        requireSetValues(update);
        out.raw("UPDATE ");
        render(update.table());
        for (TableClause table : extra) {
            out.raw(", ");
            render(table);
        }
        out.raw(" SET ");
        setClause(update, true);
        whereClause(update.whereConditions());
    }

    void visitMySqlInsert(MySqlInsert insert) {
        insertStatement(insert.insert());
        Update set = insert.duplicateKeyUpdate();
        if (set != null) {
            out.raw(" ON DUPLICATE KEY UPDATE ");
            setClause(set, false);
        }
        returningClause(Operation.INSERT, insert.insert().returning());
    }

    void visitInserted(ColumnClause<?> column) {
        out.raw("VALUES(").identifier(column.name()).raw(")");
    }

    /** MariaDB and MySQL treat a backslash in a string literal as an escape unless NO_BACKSLASH_ESCAPES is set. */
    @Override
    protected String quoteString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** No DATE_TRUNC: the value formatted to the unit's start and cast back to its type. */
    @Override
    public void visitDateTrunc(DateTrunc<?> trunc) {
        boolean date = isDate(trunc.operand());
        String format = date ? switch (trunc.unit()) {
            case YEAR -> "%Y-01-01";
            case MONTH -> "%Y-%m-01";
            default -> "%Y-%m-%d";
        } : switch (trunc.unit()) {
            case YEAR -> "%Y-01-01 00:00:00";
            case MONTH -> "%Y-%m-01 00:00:00";
            case DAY -> "%Y-%m-%d 00:00:00";
            case HOUR -> "%Y-%m-%d %H:00:00";
            case MINUTE -> "%Y-%m-%d %H:%i:00";
            case SECOND -> "%Y-%m-%d %H:%i:%s";
        };
        out.raw("CAST(DATE_FORMAT(");
        render(trunc.operand());
        out.raw(", '").raw(format).raw(date ? "') AS DATE)" : "') AS DATETIME(6))");
    }

    /** MariaDB and MySQL have no aggregate FILTER: a CASE inside the aggregate. */
    @Override
    public void visitAggregateFilter(AggregateFilter<?> filter) {
        aggregateFilterAsCase(filter);
    }

    /**
     * MariaDB's multi-table form, {@code DELETE t FROM t, a WHERE ...}; with RETURNING, which the multi-table form
     * does not allow, the standard {@code WHERE EXISTS} form.
     */
    @Override
    protected void deleteWithOtherTables(Delete delete, List<TableClause> otherTables) {
        if (!delete.returning().isEmpty()) {
            super.deleteWithOtherTables(delete, otherTables);
            return;
        }
        out.raw("DELETE ");
        render(delete.table());
        out.raw(" FROM ");
        render(delete.table());
        for (TableClause table : otherTables) {
            out.raw(", ");
            render(table);
        }
        whereClause(delete.whereConditions());
    }
}
