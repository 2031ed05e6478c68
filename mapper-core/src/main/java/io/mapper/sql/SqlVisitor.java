package io.mapper.sql;

/** Visits the elements of the expression language; compilers implement it to render SQL. */
public interface SqlVisitor {

    /** Renders a hand-written statement with named parameters. */
    void visitText(TextClause text);
}
