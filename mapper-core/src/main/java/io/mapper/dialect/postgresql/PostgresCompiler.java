package io.mapper.dialect.postgresql;

import java.util.List;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.LikeCondition;
import io.mapper.sql.Operation;
import io.mapper.sql.TableClause;
import io.mapper.sql.Update;
import io.mapper.types.SqlType;

/** PostgreSQL's SQL: native ILIKE, RETURNING everywhere, {@code UPDATE ... FROM}, {@code ON CONFLICT}. */
final class PostgresCompiler extends SqlCompiler {

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
    protected void updateFromClause(List<TableClause> tables) {
        updateFromTables(tables);
    }

    @Override
    protected String castTypeName(SqlType<?> type) {
        return type.name().equals("DOUBLE") ? "DOUBLE PRECISION" : type.name();
    }

    void visitPostgresInsert(PostgresInsert insert) {
        insertStatement(insert.insert());
        if (insert.conflictTarget() != null) {
            out.raw(" ON CONFLICT");
            if (!insert.conflictTarget().isEmpty()) {
                out.raw(" (");
                Clause saved = enter(Clause.UNQUALIFIED);
                list(insert.conflictTarget());
                enter(saved);
                out.raw(")");
            }
            Update set = insert.conflictUpdate();
            if (set == null) {
                out.raw(" DO NOTHING");
            } else {
                out.raw(" DO UPDATE SET ");
                setClause(set, false);
            }
        }
        returningClause(Operation.INSERT, insert.insert().returning());
    }

    void visitExcluded(ColumnClause<?> column) {
        out.raw("excluded.").identifier(column.name());
    }
}
