package io.mapper.schema;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.mapper.exception.ArgumentException;

/**
 * One DDL statement about a schema object, rendered by a dialect's DDL compiler through {@link DdlVisitor}.
 * {@link MetaData#createAll} and {@link MetaData#dropAll} produce them in foreign-key order.
 */
public sealed interface DdlElement {

    /** Calls the visitor method for this element. */
    void accept(DdlVisitor visitor);

    /**
     * CREATE TABLE with its columns and constraints, except {@code omittedForeignKeys}, which are added afterwards
     * with {@link AddConstraint} to break a foreign-key cycle.
     */
    record CreateTable(Table table, Set<ForeignKeyConstraint> omittedForeignKeys) implements DdlElement {
        public CreateTable {
            Objects.requireNonNull(table, "table");
            omittedForeignKeys = Set.copyOf(omittedForeignKeys);
        }

        /** CREATE TABLE with every constraint inline. */
        public CreateTable(Table table) {
            this(table, Set.of());
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitCreateTable(this);
        }
    }

    /**
     * CREATE SCHEMA (a database on MariaDB), {@code IF NOT EXISTS} where {@code ifNotExists} is set and the database
     * has that form. SQLite has no such statement (a schema is an attached database) and refuses it.
     */
    record CreateSchema(String name, boolean ifNotExists) implements DdlElement {
        public CreateSchema {
            Objects.requireNonNull(name, "schema name must not be null");
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitCreateSchema(this);
        }
    }

    /** DROP SCHEMA with everything in it ({@code CASCADE}; a database on MariaDB). SQLite refuses it. */
    record DropSchema(String name) implements DdlElement {
        public DropSchema {
            Objects.requireNonNull(name, "schema name must not be null");
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitDropSchema(this);
        }
    }

    /** DROP TABLE. */
    record DropTable(Table table) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitDropTable(this);
        }
    }

    /** CREATE [UNIQUE] INDEX. */
    record CreateIndex(Index index) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitCreateIndex(this);
        }
    }

    /** DROP INDEX. */
    record DropIndex(Index index) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitDropIndex(this);
        }
    }

    /** ALTER TABLE ... ADD CONSTRAINT. */
    record AddConstraint(Constraint constraint) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitAddConstraint(this);
        }
    }

    /** ALTER TABLE ... DROP CONSTRAINT (DROP FOREIGN KEY on MariaDB). */
    record DropConstraint(Constraint constraint) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitDropConstraint(this);
        }
    }

    /** CREATE SEQUENCE. */
    record CreateSequence(Sequence sequence) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitCreateSequence(this);
        }
    }

    /** DROP SEQUENCE. */
    record DropSequence(Sequence sequence) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitDropSequence(this);
        }
    }

    /** ALTER SEQUENCE to the start and increment {@code sequence} declares (a migration's change). */
    record AlterSequence(Sequence sequence) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitAlterSequence(this);
        }
    }

    /** COMMENT ON TABLE, for databases that keep comments in separate statements. */
    record SetTableComment(Table table) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitSetTableComment(this);
        }
    }

    /** COMMENT ON COLUMN, for databases that keep comments in separate statements. */
    record SetColumnComment(Column<?> column) implements DdlElement {
        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitSetColumnComment(this);
        }
    }

    // ---- Migrations (issue 9): ALTER TABLE for columns, and the rebuild of a table that cannot be altered ----

    /** ALTER TABLE ... ADD COLUMN, with the column's full definition; the column's owner is the altered table. */
    record AddColumn(Column<?> column) implements DdlElement {
        public AddColumn {
            requireOwner(column);
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitAddColumn(this);
        }
    }

    /** ALTER TABLE ... DROP COLUMN; the column's owner is the altered table. */
    record DropColumn(Column<?> column) implements DdlElement {
        public DropColumn {
            requireOwner(column);
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitDropColumn(this);
        }
    }

    /**
     * Changes a column's type to the one {@code column} declares (PostgreSQL's and H2's {@code ALTER COLUMN ... SET
     * DATA TYPE}, MariaDB's {@code MODIFY} with the full definition).
     */
    record AlterColumnType(Column<?> column) implements DdlElement {
        public AlterColumnType {
            requireOwner(column);
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitAlterColumnType(this);
        }
    }

    /** Makes a column nullable or NOT NULL, as {@code column} declares. */
    record AlterColumnNullability(Column<?> column) implements DdlElement {
        public AlterColumnNullability {
            requireOwner(column);
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitAlterColumnNullability(this);
        }
    }

    /** Sets the server default {@code column} declares, or drops the default when it declares none. */
    record AlterColumnDefault(Column<?> column) implements DdlElement {
        public AlterColumnDefault {
            requireOwner(column);
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitAlterColumnDefault(this);
        }
    }

    /**
     * Rebuilds a table as {@code table} defines it, keeping its rows, for databases that cannot alter what changed
     * (SQLite): create the new table under a temporary name, copy {@code copiedColumns} from the old one, drop the
     * old one, rename the new one. Renders as several statements separated by semicolons, for a migration script;
     * the indexes of the table are created again afterwards with {@link CreateIndex}.
     */
    record RebuildTable(Table table, List<String> copiedColumns) implements DdlElement {
        public RebuildTable {
            Objects.requireNonNull(table, "table");
            copiedColumns = List.copyOf(copiedColumns);
        }

        @Override
        public void accept(DdlVisitor visitor) {
            visitor.visitRebuildTable(this);
        }
    }

    private static void requireOwner(Column<?> column) {
        Objects.requireNonNull(column, "column");
        if (column.owner() == null) {
            throw new ArgumentException("Column '" + column.name()
                    + "' belongs to no table; define it in a Table before altering it.");
        }
    }
}
