package io.mapper.dialect.sqlite;

import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.TypeCompiler;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.schema.Column;
import io.mapper.schema.DdlElement;
import io.mapper.schema.Index;
import io.mapper.schema.Sequence;
import io.mapper.schema.Table;

/**
 * SQLite's DDL: a generated key is an {@code INTEGER PRIMARY KEY AUTOINCREMENT} column (an alias of the rowid, which
 * needs the type spelled exactly INTEGER and the key on the column), and there is no ALTER TABLE for constraints,
 * no sequences and no comments.
 */
final class SqliteDdlCompiler extends DdlCompiler {

    SqliteDdlCompiler(IdentifierPreparer identifiers, TypeCompiler types) {
        super(identifiers, types);
    }

    @Override
    protected String columnType(Column<?> column) {
        return column.isAutoincrement() ? "INTEGER" : super.columnType(column);
    }

    @Override
    protected void autoincrement(Column<?> column) {
        Table table = column.owner();
        out.raw(" ");
        if (table != null && table.primaryKey().isPresent()) {
            out.raw("CONSTRAINT ").identifier(table.primaryKey().get().name()).raw(" ");
        }
        out.raw("PRIMARY KEY AUTOINCREMENT");
    }

    @Override
    protected boolean sequenceReplacesAutoincrement() {
        // No sequences: a sequence-generated key is an autoincrement key here.
        return false;
    }

    @Override
    protected void sequenceDefault(Sequence sequence) {
        // SQLite has no sequences: the column has no default, and the application supplies its values.
    }

    @Override
    protected boolean primaryKeyInline(Table table) {
        return table.autoincrementColumn().isPresent();
    }

    @Override
    public void visitAddConstraint(DdlElement.AddConstraint element) {
        throw unsupported("ALTER TABLE ... ADD CONSTRAINT");
    }

    @Override
    public void visitDropConstraint(DdlElement.DropConstraint element) {
        throw unsupported("ALTER TABLE ... DROP CONSTRAINT");
    }

    @Override
    public void visitCreateSequence(DdlElement.CreateSequence element) {
        throw unsupported("CREATE SEQUENCE");
    }

    @Override
    public void visitDropSequence(DdlElement.DropSequence element) {
        throw unsupported("DROP SEQUENCE");
    }

    @Override
    public void visitSetTableComment(DdlElement.SetTableComment element) {
        throw unsupported("COMMENT ON TABLE");
    }

    @Override
    public void visitSetColumnComment(DdlElement.SetColumnComment element) {
        throw unsupported("COMMENT ON COLUMN");
    }

    // ---- Migrations (issue 9): SQLite adds and drops columns, and rebuilds the table for anything else ----

    @Override
    public void visitAlterColumnType(DdlElement.AlterColumnType element) {
        throw rebuildInstead("ALTER COLUMN ... SET DATA TYPE");
    }

    @Override
    public void visitAlterColumnNullability(DdlElement.AlterColumnNullability element) {
        throw rebuildInstead("ALTER COLUMN ... SET/DROP NOT NULL");
    }

    @Override
    public void visitAlterColumnDefault(DdlElement.AlterColumnDefault element) {
        throw rebuildInstead("ALTER COLUMN ... SET/DROP DEFAULT");
    }

    private static UnsupportedCompilationException rebuildInstead(String construct) {
        return new UnsupportedCompilationException(construct, "sqlite", "Rebuild the table instead "
                + "(DdlElement.RebuildTable; generated migrations do this).");
    }

    private static UnsupportedCompilationException unsupported(String construct) {
        return new UnsupportedCompilationException(construct, "sqlite", "Declare constraints in the table "
                + "definition (createAll does), and use an autoincrement key instead of a sequence.");
    }

    /** SQLite names the schema on the index, not on its table: {@code CREATE INDEX main.ix ON orders (a)}. */
    @Override
    public void visitCreateIndex(DdlElement.CreateIndex element) {
        Index index = element.index();
        String schema = index.table().schema();
        if (schema == null) {
            super.visitCreateIndex(element);
            return;
        }
        out.raw(index.isUnique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ").identifier(schema).raw(".")
                .identifier(index.name()).raw(" ON ").identifier(index.table().name()).raw(" ");
        columnList(index.columnNames());
    }
}
