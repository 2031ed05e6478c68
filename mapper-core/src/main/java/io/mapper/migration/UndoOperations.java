package io.mapper.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The operations that take a database back from the models to where it was before a {@link SchemaDiff}: each
 * operation's inverse, in reverse order. What a migration dropped comes back empty: an undo restores the schema,
 * never the data.
 */
final class UndoOperations {

    private UndoOperations() {
    }

    /** The inverse of {@code diff}, last operation first. */
    static SchemaDiff of(SchemaDiff diff) {
        List<MigrationOperation> undo = new ArrayList<>();
        for (MigrationOperation operation : diff.operations()) {
            undo.add(inverse(operation));
        }
        Collections.reverse(undo);
        return new SchemaDiff(undo);
    }

    private static MigrationOperation inverse(MigrationOperation operation) {
        if (operation instanceof MigrationOperation.CreateTable create) {
            return new MigrationOperation.DropTable(create.table());
        }
        if (operation instanceof MigrationOperation.DropTable drop) {
            return new MigrationOperation.CreateTable(drop.table());
        }
        if (operation instanceof MigrationOperation.AddColumn add) {
            return new MigrationOperation.DropColumn(add.column());
        }
        if (operation instanceof MigrationOperation.DropColumn drop) {
            return new MigrationOperation.AddColumn(drop.column());
        }
        if (operation instanceof MigrationOperation.AlterColumnType alter) {
            return new MigrationOperation.AlterColumnType(alter.to(), alter.from(), alter.toSql(), alter.fromSql(), SchemaComparison.narrows(alter.to().type(), alter.from().type(), alter.toSql()));
        }
        if (operation instanceof MigrationOperation.AlterColumnNullability alter) {
            return new MigrationOperation.AlterColumnNullability(alter.to(), alter.from());
        }
        if (operation instanceof MigrationOperation.AlterColumnDefault alter) {
            return new MigrationOperation.AlterColumnDefault(alter.to(), alter.from());
        }
        if (operation instanceof MigrationOperation.AlterColumnComment alter) {
            return new MigrationOperation.AlterColumnComment(alter.to(), alter.from());
        }
        if (operation instanceof MigrationOperation.AlterTableComment alter) {
            return new MigrationOperation.AlterTableComment(alter.to(), alter.from());
        }
        if (operation instanceof MigrationOperation.CreateIndex create) {
            return new MigrationOperation.DropIndex(create.index());
        }
        if (operation instanceof MigrationOperation.DropIndex drop) {
            return new MigrationOperation.CreateIndex(drop.index());
        }
        if (operation instanceof MigrationOperation.AddConstraint add) {
            return new MigrationOperation.DropConstraint(add.constraint());
        }
        if (operation instanceof MigrationOperation.DropConstraint drop) {
            return new MigrationOperation.AddConstraint(drop.constraint());
        }
        if (operation instanceof MigrationOperation.CreateSequence create) {
            return new MigrationOperation.DropSequence(create.sequence());
        }
        if (operation instanceof MigrationOperation.DropSequence drop) {
            return new MigrationOperation.CreateSequence(drop.sequence());
        }
        if (operation instanceof MigrationOperation.AlterSequence alter) {
            return new MigrationOperation.AlterSequence(alter.to(), alter.from());
        }
        throw new IllegalStateException("No inverse for " + operation.describe());
    }
}
