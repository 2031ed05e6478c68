package io.mapper.dialect.postgresql;

import java.util.List;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.dialect.OnConflictCompiler;
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
    protected void updateFromClause(List<TableClause> tables) {
        updateFromTables(tables);
    }

    @Override
    protected String castTypeName(SqlType<?> type) {
        return type.name().equals("DOUBLE") ? "DOUBLE PRECISION" : type.name();
    }

    void visitPostgresInsert(PostgresInsert insert) {
        onConflictInsert(insert);
    }
}
