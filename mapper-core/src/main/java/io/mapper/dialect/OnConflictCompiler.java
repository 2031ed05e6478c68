package io.mapper.dialect;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Operation;
import io.mapper.sql.Update;

/** The compiler base of the databases with {@code INSERT ... ON CONFLICT} (PostgreSQL, SQLite). */
public abstract class OnConflictCompiler extends SqlCompiler {

    protected OnConflictCompiler(IdentifierPreparer identifiers, String dialectName, boolean namedParameters) {
        super(identifiers, dialectName, namedParameters);
    }

    /** Renders {@code INSERT ... ON CONFLICT [(target)] DO NOTHING | DO UPDATE SET ...} and its RETURNING. */
    protected void onConflictInsert(OnConflictInsert<?> insert) {
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

    /** {@code excluded.column}: the value the conflicting row would have had. */
    void visitExcluded(ColumnClause<?> column) {
        out.raw("excluded.").identifier(column.name());
    }
}
