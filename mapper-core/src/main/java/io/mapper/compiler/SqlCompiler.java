package io.mapper.compiler;

import io.mapper.sql.ColumnClause;
import io.mapper.sql.Executable;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.TableClause;
import io.mapper.sql.TextClause;

/**
 * Renders a statement as SQL with {@code ?} placeholders; one protected hook per clause, which dialect compilers
 * override where their SQL differs. A compiler is used for one statement and then discarded (not thread-safe).
 */
public class SqlCompiler implements SqlVisitor {

    protected final SqlWriter out;

    public SqlCompiler(IdentifierPreparer identifiers) {
        this.out = new SqlWriter(identifiers);
    }

    /** Renders the statement and returns the SQL with the parameter key of each placeholder. */
    public CompiledStatement compile(Executable statement) {
        statement.accept(this);
        return new CompiledStatement(out.sql(), out.parameterKeys(), statement.generatedKeyColumns(),
                statement.operation(),
                statement.statementKind());
    }

    @Override
    public void visitTable(TableClause table) {
        if (table.schema() != null) {
            out.identifier(table.schema()).raw(".");
        }
        out.identifier(table.name());
    }

    @Override
    public void visitColumn(ColumnClause<?> column) {
        TableClause table = column.table();
        if (table != null) {
            out.identifier(table.name()).raw(".");
        }
        out.identifier(column.name());
    }

    @Override
    public void visitText(TextClause text) {
        for (TextClause.Segment segment : text.segments()) {
            if (segment.parameter()) {
                out.bind(segment.text());
            } else {
                out.raw(segment.text());
            }
        }
    }
}
