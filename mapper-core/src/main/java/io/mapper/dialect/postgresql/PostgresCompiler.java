package io.mapper.dialect.postgresql;

import java.util.List;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.dialect.OnConflictCompiler;
import io.mapper.sql.DatePart;
import io.mapper.sql.DateTrunc;
import io.mapper.sql.Delete;
import io.mapper.sql.Extract;
import io.mapper.sql.LikeCondition;
import io.mapper.sql.Operation;
import io.mapper.sql.TableClause;
import io.mapper.types.SqlType;

/** PostgreSQL's SQL: native ILIKE, RETURNING everywhere, {@code UPDATE ... FROM}, {@code ON CONFLICT}. */
final class PostgresCompiler extends OnConflictCompiler {

    PostgresCompiler(IdentifierPreparer identifiers, boolean namedParameters) {
        super(identifiers, "postgresql", namedParameters);
    }

    @Override
    protected void caseInsensitiveLike(LikeCondition like) {
        operand(like.operand());
        out.raw(like.negated() ? " NOT ILIKE " : " ILIKE ");
        operand(like.pattern());
    }

    @Override
    protected boolean supportsReturning(Operation operation) {
        return true;
    }

    @Override
    protected boolean supportsUpdateFrom() {
        return true;
    }

    @Override
    protected void updateFromClause(List<TableClause> tables) {
        qualifiedReturning = true;
        updateFromTables(tables);
    }

    @Override
    protected String castTypeName(SqlType<?> type) {
        return type.name().equals("DOUBLE") ? "DOUBLE PRECISION" : type.name();
    }

    void visitPostgresInsert(PostgresInsert insert) {
        onConflictInsert(insert);
    }

    /** PostgreSQL's EXTRACT is NUMERIC (with a fraction for seconds); the portable form is a whole INTEGER. */
    @Override
    public void visitExtract(Extract extract) {
        boolean seconds = extract.field() == DatePart.SECOND;
        out.raw(seconds ? "CAST(FLOOR(EXTRACT(" : "CAST(EXTRACT(").raw(extract.field().name()).raw(" FROM ");
        render(extract.operand());
        out.raw(seconds ? ")) AS INTEGER)" : ") AS INTEGER)");
    }

    /** {@code date_trunc} of a DATE is a timestamp with time zone on PostgreSQL: cast back to DATE. */
    @Override
    public void visitDateTrunc(DateTrunc<?> trunc) {
        boolean date = isDate(trunc.operand());
        out.raw(date ? "CAST(date_trunc('" : "date_trunc('").raw(trunc.unit().name().toLowerCase(java.util.Locale.ROOT))
                .raw("', ");
        render(trunc.operand());
        out.raw(date ? ") AS DATE)" : ")");
    }

    /** {@code DELETE FROM t USING a, b WHERE ...}. */
    @Override
    protected void deleteWithOtherTables(Delete delete, List<TableClause> otherTables) {
        qualifiedReturning = true;
        out.raw("DELETE FROM ");
        render(delete.table());
        out.raw(" USING ");
        for (int i = 0; i < otherTables.size(); i++) {
            out.raw(i > 0 ? ", " : "");
            render(otherTables.get(i));
        }
        whereClause(delete.whereConditions());
    }
}
