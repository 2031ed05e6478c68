package io.mapper.dialect.mysql;

import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.TypeCompiler;
import io.mapper.schema.CheckConstraint;
import io.mapper.schema.Column;
import io.mapper.schema.Constraint;
import io.mapper.schema.DdlElement;
import io.mapper.schema.ForeignKeyConstraint;
import io.mapper.schema.PrimaryKeyConstraint;
import io.mapper.schema.Sequence;
import io.mapper.schema.Table;

/**
 * MySQL and MariaDB DDL: {@code AUTO_INCREMENT} keys, comments inside CREATE TABLE ({@code COMMENT '...'} on columns,
 * {@code COMMENT='...'} on the table), and the family's own ways to drop a foreign key, a unique key or an index.
 */
final class MySqlDdlCompiler extends DdlCompiler {

    MySqlDdlCompiler(IdentifierPreparer identifiers, TypeCompiler types) {
        super(identifiers, types);
    }

    @Override
    protected void autoincrement(Column<?> column) {
        out.raw(" AUTO_INCREMENT");
    }

    @Override
    protected void sequenceDefault(Sequence sequence) {
        // An expression default must be parenthesised here.
        out.raw(" DEFAULT (NEXT VALUE FOR ").identifier(sequence.name()).raw(")");
    }

    @Override
    protected void inlineColumnComment(Column<?> column) {
        column.comment().ifPresent(comment -> out.raw(" COMMENT ").raw(types.stringLiteral(comment)));
    }

    @Override
    protected void tableOptions(Table table) {
        table.comment().ifPresent(comment -> out.raw(" COMMENT=").raw(types.stringLiteral(comment)));
    }

    @Override
    public void visitDropConstraint(DdlElement.DropConstraint element) {
        Constraint constraint = element.constraint();
        out.raw("ALTER TABLE ");
        tableName(constraint.table());
        if (constraint instanceof ForeignKeyConstraint) {
            out.raw(" DROP FOREIGN KEY ").identifier(constraint.name());
        } else if (constraint instanceof PrimaryKeyConstraint) {
            out.raw(" DROP PRIMARY KEY");
        } else if (constraint instanceof CheckConstraint) {
            out.raw(" DROP CONSTRAINT ").identifier(constraint.name());
        } else {
            out.raw(" DROP INDEX ").identifier(constraint.name());
        }
    }

    /** A schema is a database here: {@code CREATE DATABASE [IF NOT EXISTS] name}. */
    @Override
    public void visitCreateSchema(DdlElement.CreateSchema element) {
        out.raw(element.ifNotExists() ? "CREATE DATABASE IF NOT EXISTS " : "CREATE DATABASE ")
                .identifier(translatedSchema(element.name()));
    }

    /** {@code DROP DATABASE name}: the family has no CASCADE, and dropping a database drops all it holds. */
    @Override
    public void visitDropSchema(DdlElement.DropSchema element) {
        out.raw("DROP DATABASE ").identifier(translatedSchema(element.name()));
    }

    @Override
    public void visitDropIndex(DdlElement.DropIndex element) {
        out.raw("DROP INDEX ").identifier(element.index().name()).raw(" ON ");
        tableName(element.index().table());
    }

    @Override
    public void visitSetTableComment(DdlElement.SetTableComment element) {
        out.raw("ALTER TABLE ");
        tableName(element.table());
        out.raw(" COMMENT=").raw(types.stringLiteral(element.table().comment().orElse("")));
    }

    @Override
    public void visitSetColumnComment(DdlElement.SetColumnComment element) {
        // The family has no COMMENT ON: the column is redefined with its comment.
        Column<?> column = element.column();
        out.raw("ALTER TABLE ");
        tableName(java.util.Objects.requireNonNull(column.owner(), "the column belongs to no table"));
        out.raw(" MODIFY ");
        columnDefinition(column);
    }

    // ---- Migrations (issue 9): the family changes a column's type or nullability by redefining it ----

    @Override
    public void visitAlterColumnType(DdlElement.AlterColumnType element) {
        modify(element.column());
    }

    @Override
    public void visitAlterColumnNullability(DdlElement.AlterColumnNullability element) {
        modify(element.column());
    }

    private void modify(Column<?> column) {
        alterTable(column);
        out.raw("MODIFY ");
        columnDefinition(column);
    }
}
