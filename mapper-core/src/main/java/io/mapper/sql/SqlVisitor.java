package io.mapper.sql;

/** Visits the elements of the expression language; compilers implement it to render SQL. */
public interface SqlVisitor {

    /** Renders a hand-written statement with named parameters. */
    void visitText(TextClause text);

    /** Renders a reference to a table. */
    void visitTable(TableClause table);

    /** Renders a reference to a column. */
    void visitColumn(ColumnClause<?> column);
}
