package io.mapper.dialect.h2;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.sql.BindParameter;
import io.mapper.sql.Delete;
import io.mapper.sql.Expression;
import io.mapper.sql.Insert;
import io.mapper.sql.LikeCondition;
import io.mapper.sql.Operation;
import io.mapper.sql.RowLock;
import io.mapper.sql.Update;
import io.mapper.types.SqlType;

/**
 * H2's SQL: the standard {@code OFFSET ... FETCH FIRST}, native ILIKE, no FULL JOIN, and RETURNING emulated with
 * data-change delta tables ({@code SELECT ... FROM FINAL TABLE (INSERT ...)}, {@code OLD TABLE} for DELETE).
 */
final class H2Compiler extends SqlCompiler {

    H2Compiler(IdentifierPreparer identifiers, boolean namedParameters) {
        super(identifiers, "h2", namedParameters);
    }

    @Override
    protected void limitClause(@Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset) {
        if (offset != null) {
            out.raw(" OFFSET ");
            render(offset);
            out.raw(" ROWS");
        }
        if (limit != null) {
            out.raw(" FETCH FIRST ");
            render(limit);
            out.raw(" ROWS ONLY");
        }
    }

    @Override
    protected void lockClause(RowLock lock) {
        // H2 has neither FOR SHARE nor OF: a shared lock becomes the exclusive one, which keeps every guarantee a
        // shared lock gives (others wait to write), and the lock covers the rows of every table of the query.
        out.raw(" FOR UPDATE");
        lockWait(lock.mode());
    }

    @Override
    protected void caseInsensitiveLike(LikeCondition like) {
        operand(like.operand());
        out.raw(like.negated() ? " NOT ILIKE " : " ILIKE ");
        operand(like.pattern());
    }

    @Override
    protected boolean supportsFullOuterJoin() {
        return false;
    }

    @Override
    protected String castTypeName(SqlType<?> type) {
        return switch (type.name()) {
            case "TEXT" -> "CHARACTER VARYING";
            case "DOUBLE" -> "DOUBLE PRECISION";
            default -> type.name();
        };
    }

    @Override
    public void visitInsert(Insert insert) {
        if (insert.returning().isEmpty()) {
            super.visitInsert(insert);
            return;
        }
        deltaTable("FINAL", insert.returning(), () -> insertStatement(insert));
    }

    @Override
    public void visitUpdate(Update update) {
        if (update.returning().isEmpty()) {
            super.visitUpdate(update);
            return;
        }
        deltaTable("FINAL", update.returning(), () -> updateStatement(update));
    }

    @Override
    public void visitDelete(Delete delete) {
        if (delete.returning().isEmpty()) {
            super.visitDelete(delete);
            return;
        }
        deltaTable("OLD", delete.returning(), () -> deleteStatement(delete));
    }

    /** {@code SELECT columns FROM FINAL|OLD TABLE (statement)}: H2's form of RETURNING. */
    private void deltaTable(String which, List<Expression<?>> returning, Runnable statement) {
        out.raw("SELECT ");
        returningColumns(returning);
        out.raw(" FROM ").raw(which).raw(" TABLE (");
        statement.run();
        out.raw(")");
    }

    void visitMerge(H2Merge merge) {
        out.raw("MERGE INTO ");
        render(merge.insert().table());
        out.raw(" (");
        Clause saved = enter(Clause.UNQUALIFIED);
        list(merge.insert().columns());
        out.raw(") KEY (");
        list(merge.key());
        enter(saved);
        out.raw(") VALUES ");
        for (int r = 0; r < merge.insert().rows().size(); r++) {
            if (r > 0) {
                out.raw(", ");
            }
            out.raw("(");
            list(merge.insert().rows().get(r));
            out.raw(")");
        }
    }

    @Override
    protected boolean supportsReturning(Operation operation) {
        return true;
    }
}
