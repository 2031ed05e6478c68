package io.mapper.schema;

/** Visits {@link DdlElement}s; a dialect's DDL compiler implements it to render them. */
public interface DdlVisitor {

    /** Renders CREATE TABLE. */
    void visitCreateTable(DdlElement.CreateTable element);

    /** Renders CREATE SCHEMA. */
    void visitCreateSchema(DdlElement.CreateSchema element);

    /** Renders DROP SCHEMA. */
    void visitDropSchema(DdlElement.DropSchema element);

    /** Renders DROP TABLE. */
    void visitDropTable(DdlElement.DropTable element);

    /** Renders CREATE INDEX. */
    void visitCreateIndex(DdlElement.CreateIndex element);

    /** Renders DROP INDEX. */
    void visitDropIndex(DdlElement.DropIndex element);

    /** Renders ALTER TABLE ADD CONSTRAINT. */
    void visitAddConstraint(DdlElement.AddConstraint element);

    /** Renders ALTER TABLE DROP CONSTRAINT. */
    void visitDropConstraint(DdlElement.DropConstraint element);

    /** Renders CREATE SEQUENCE. */
    void visitCreateSequence(DdlElement.CreateSequence element);

    /** Renders DROP SEQUENCE. */
    void visitDropSequence(DdlElement.DropSequence element);

    /** ALTER SEQUENCE. */
    void visitAlterSequence(DdlElement.AlterSequence element);

    /** Renders COMMENT ON TABLE. */
    void visitSetTableComment(DdlElement.SetTableComment element);

    /** Renders COMMENT ON COLUMN. */
    void visitSetColumnComment(DdlElement.SetColumnComment element);

    // ---- Migrations (issue 9) ----

    /** Renders ALTER TABLE ADD COLUMN. */
    void visitAddColumn(DdlElement.AddColumn element);

    /** Renders ALTER TABLE DROP COLUMN. */
    void visitDropColumn(DdlElement.DropColumn element);

    /** Renders the change of a column's type. */
    void visitAlterColumnType(DdlElement.AlterColumnType element);

    /** Renders the change of a column's nullability. */
    void visitAlterColumnNullability(DdlElement.AlterColumnNullability element);

    /** Renders the change of a column's server default. */
    void visitAlterColumnDefault(DdlElement.AlterColumnDefault element);

    /** Renders the rebuild of a table that keeps its rows. */
    void visitRebuildTable(DdlElement.RebuildTable element);
}
