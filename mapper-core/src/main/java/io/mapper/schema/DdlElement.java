package io.mapper.schema;

import java.util.Objects;
import java.util.Set;

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
}
