package io.mapper.sql;

import java.util.List;

/** Visits the elements of the expression language; compilers implement it to render SQL. */
public interface SqlVisitor {

    /** Renders a hand-written statement with named parameters. */
    void visitText(TextClause text);

    /** Renders a reference to a table. */
    void visitTable(TableClause table);

    /** Renders a reference to a column. */
    void visitColumn(ColumnClause<?> column);

    // Expression language (issue 3): one method per element kind.

    /** Renders a bound value's placeholder. */
    void visitBindParameter(BindParameter<?> parameter);

    /** Renders {@code left op right}. */
    void visitComparison(Comparison comparison);

    /** Renders arithmetic or concatenation. */
    void visitArithmetic(Arithmetic<?> arithmetic);

    /** Renders {@code IS [NOT] NULL}. */
    void visitNullCheck(NullCheck check);

    /** Renders {@code NOT (...)}. */
    void visitNot(Not not);

    /** Renders conditions joined by AND or OR. */
    void visitConditionList(ConditionList list);

    /** Renders {@code [NOT] IN (...)}. */
    void visitIn(InCondition in);

    /** Renders {@code (a, b) IN ((?, ?), ...)}. */
    void visitRowValueIn(RowValueIn in);

    /** Renders {@code BETWEEN}. */
    void visitBetween(Between between);

    /** Renders {@code LIKE} and its case-insensitive form. */
    void visitLike(LikeCondition like);

    /** Renders a function call. */
    void visitFunction(FunctionCall<?> function);

    /** Renders a window function. */
    void visitWindowFunction(WindowFunction<?> window);

    /** Renders a labelled expression. */
    void visitLabel(Label<?> label);

    /** Renders an ORDER BY item. */
    void visitOrderBy(OrderByElement order);

    /** Renders {@code CASE}. */
    void visitCase(CaseExpression<?> expression);

    /** Renders {@code CAST}. */
    void visitCast(Cast<?> cast);

    /** Renders a scalar subquery. */
    void visitScalarSubquery(ScalarSubquery<?> subquery);

    /** Renders {@code [NOT] EXISTS}. */
    void visitExists(Exists exists);

    /** Renders a join in a FROM clause. */
    void visitJoin(Join join);

    /** Renders an aliased table in a FROM clause. */
    void visitTableAlias(TableAlias alias);

    /** Renders a subquery in a FROM clause. */
    void visitSubquery(Subquery subquery);

    /** Renders a reference to a common table expression. */
    void visitCte(Cte cte);

    /** Renders a SELECT. */
    void visitSelect(Select select);

    /** Renders UNION, INTERSECT and EXCEPT. */
    void visitCompoundSelect(CompoundSelect compound);

    /** Renders an INSERT. */
    void visitInsert(Insert insert);

    /** Renders an UPDATE. */
    void visitUpdate(Update update);

    /** Renders a DELETE. */
    void visitDelete(Delete delete);

    /** A literal column: its SQL verbatim. */
    void visitLiteralColumn(LiteralColumn<?> column);

    /** A constant rendered inline as a quoted literal. */
    void visitInlineLiteral(InlineLiteral<?> literal);

    /** A text fragment used as a column ({@code condition == false}) or a condition, with its bound parameters. */
    void visitTextFragment(List<TextClause.Segment> segments, List<BindParameter<?>> parameters, boolean condition);

    /** {@code EXTRACT(field FROM x)}. */
    void visitExtract(Extract extract);

    /** A date or timestamp truncated to a unit. */
    void visitDateTrunc(DateTrunc<?> trunc);

    /** {@code aggregate FILTER (WHERE condition)}. */
    void visitAggregateFilter(AggregateFilter<?> filter);
}
