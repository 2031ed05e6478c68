package io.mapper.dialect.sqlite;

import java.util.List;

import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.TypeCompiler;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.schema.Column;
import io.mapper.schema.DdlElement;
import io.mapper.schema.ForeignKeyConstraint;
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
    public void visitAlterSequence(DdlElement.AlterSequence element) {
        throw unsupported("ALTER SEQUENCE");
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

    /**
     * Keeps the table's AUTOINCREMENT counter: the copy leaves the new table's counter at the highest
     * copied key, so a key deleted before the migration would be handed out again; the old counter is carried over
     * before the old table (and its {@code sqlite_sequence} row) is dropped. RENAME moves the row to the new name.
     */
    @Override
    protected void rebuildBeforeDrop(Table table, String temporary) {
        if (table.autoincrementColumn().isEmpty()) {
            return;
        }
        out.raw("DELETE FROM sqlite_sequence WHERE name = ").raw(types.stringLiteral(temporary)).raw(";\n");
        out.raw("INSERT INTO sqlite_sequence (name, seq) SELECT ").raw(types.stringLiteral(temporary))
                .raw(", seq FROM sqlite_sequence WHERE name = ").raw(types.stringLiteral(table.name())).raw(";\n");
    }

    /**
     * SQLite's procedure for the changes ALTER TABLE cannot make (https://www.sqlite.org/lang_altertable.html,
     * "Making Other Kinds Of Table Schema Changes"): foreign-key enforcement off, which only works outside a
     * transaction, then a transaction of its own. With enforcement on, DROP TABLE of a rebuilt parent would delete
     * its children through ON DELETE CASCADE or be rejected. SAVEPOINT opens the transaction (outside one it is
     * BEGIN) and, unlike a bare BEGIN, is not taken for the start of a trigger body by migration tools' parsers.
     */
    @Override
    public List<String> rebuildGuardStart() {
        return List.of("""
                -- Foreign-key enforcement off for the table rebuilds below, as SQLite's documentation prescribes: with
                -- it on, dropping a rebuilt table would delete or reject the rows of the tables that refer to it. The
                -- pragma does nothing inside a transaction, so this migration runs outside Flyway's (its .sql.conf
                -- file says executeInTransaction=false) and opens its own.
                PRAGMA foreign_keys = OFF""", "SAVEPOINT mapper_migration");
    }

    /**
     * Before committing: {@code PRAGMA foreign_key_check} must find no row without its parent; a row that has none
     * fails a CHECK named after the problem, which stops the migration before the commit, and the transaction is
     * rolled back when the connection closes. Enforcement is switched on again afterwards.
     */
    @Override
    public List<String> rebuildGuardEnd() {
        return List.of("""
                -- Every row must still find the row it refers to: a row that does not (PRAGMA foreign_key_check lists
                -- them) fails this check and stops the migration before it commits anything.
                CREATE TEMP TABLE _mapper_foreign_key_check (orphan_rows INTEGER CONSTRAINT \
                rows_refer_to_missing_parents_run_pragma_foreign_key_check CHECK (orphan_rows = 0))""",
                "INSERT INTO _mapper_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check",
                "DROP TABLE _mapper_foreign_key_check",
                "RELEASE mapper_migration",
                """
                -- Foreign-key enforcement on again: the models declare foreign keys, and the application should
                -- enforce them (sqlite-jdbc: foreign_keys=true).
                PRAGMA foreign_keys = ON""");
    }

    private static UnsupportedCompilationException rebuildInstead(String construct) {
        return new UnsupportedCompilationException(construct, "sqlite", "Rebuild the table instead "
                + "(DdlElement.RebuildTable; generated migrations do this).");
    }

    private static UnsupportedCompilationException unsupported(String construct) {
        return new UnsupportedCompilationException(construct, "sqlite", "Declare constraints in the table "
                + "definition (createAll does), and use an autoincrement key instead of a sequence.");
    }

    /**
     * A SQLite foreign key names its parent table without a schema: the parent must be in the child's own (attached)
     * database, so a key across databases is refused before SQLite reports a bare syntax error.
     */
    @Override
    protected void foreignKey(ForeignKeyConstraint key) {
        String schema = schemaOf(key.table());
        String referredSchema = schemaOf(key.referredTable());
        if (!java.util.Objects.equals(schema == null ? "main" : schema,
                referredSchema == null ? "main" : referredSchema)) {
            throw new UnsupportedCompilationException("FOREIGN KEY from " + key.table().name() + " in "
                    + (schema == null ? "main" : schema) + " to " + key.referredTable().name() + " in "
                    + referredSchema, "sqlite", "SQLite keys only refer to tables of the same attached database: "
                    + "put both tables in one schema, or leave the key out.");
        }
        out.raw("FOREIGN KEY ");
        columnList(key.columnNames());
        out.raw(" REFERENCES ").identifier(key.referredTable().name()).raw(" ");
        columnList(key.referredColumnNames());
        key.onDelete().ifPresent(action -> out.raw(" ON DELETE ").raw(action.sql()));
        key.onUpdate().ifPresent(action -> out.raw(" ON UPDATE ").raw(action.sql()));
    }

    /**
     * SQLite has no CREATE SCHEMA: a schema is a database file attached to each connection with
     * {@code ATTACH DATABASE 'file' AS name}, which DDL cannot do for a pool's connections.
     */
    @Override
    public void visitCreateSchema(DdlElement.CreateSchema element) {
        throw noSchemaStatements("CREATE SCHEMA " + translatedSchema(element.name()));
    }

    @Override
    public void visitDropSchema(DdlElement.DropSchema element) {
        throw noSchemaStatements("DROP SCHEMA " + translatedSchema(element.name()));
    }

    private static UnsupportedCompilationException noSchemaStatements(String construct) {
        return new UnsupportedCompilationException(construct, "sqlite", "A SQLite schema is an attached database: "
                + "attach it on every connection (ATTACH DATABASE 'file.db' AS name, e.g. in the pool's "
                + "connection-init SQL) and createAll finds it; `main` and `temp` always exist.");
    }

    /** SQLite names the schema on the index, not on its table: {@code CREATE INDEX main.ix ON orders (a)}. */
    @Override
    public void visitCreateIndex(DdlElement.CreateIndex element) {
        Index index = element.index();
        String schema = schemaOf(index.table());
        if (schema == null) {
            super.visitCreateIndex(element);
            return;
        }
        out.raw(index.isUnique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ").identifier(schema).raw(".")
                .identifier(index.name()).raw(" ON ").identifier(index.table().name()).raw(" ");
        columnList(index.columnNames());
    }
}
