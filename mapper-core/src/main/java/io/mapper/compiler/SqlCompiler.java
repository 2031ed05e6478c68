package io.mapper.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.CompileException;
import io.mapper.exception.UnsupportedCompilationException;
import io.mapper.sql.AggregateFilter;
import io.mapper.sql.Arithmetic;
import io.mapper.sql.ArithmeticOperator;
import io.mapper.sql.Between;
import io.mapper.sql.BindParameter;
import io.mapper.sql.BoundParameters;
import io.mapper.sql.CaseExpression;
import io.mapper.sql.Cast;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Comparison;
import io.mapper.sql.RowValueIn;
import io.mapper.sql.ComparisonOperator;
import io.mapper.sql.CompoundSelect;
import io.mapper.sql.Condition;
import io.mapper.sql.ConditionList;
import io.mapper.sql.Cte;
import io.mapper.sql.DateTrunc;
import io.mapper.sql.Delete;
import io.mapper.sql.Executable;
import io.mapper.sql.Exists;
import io.mapper.sql.Expression;
import io.mapper.sql.Extract;
import io.mapper.sql.ForUpdate;
import io.mapper.sql.RowLock;
import io.mapper.sql.FunctionCall;
import io.mapper.sql.InCondition;
import io.mapper.sql.InlineLiteral;
import io.mapper.sql.Insert;
import io.mapper.sql.Join;
import io.mapper.sql.Label;
import io.mapper.sql.LikeCondition;
import io.mapper.sql.LiteralColumn;
import io.mapper.sql.Not;
import io.mapper.sql.NullCheck;
import io.mapper.sql.Operation;
import io.mapper.sql.OrderByElement;
import io.mapper.sql.ScalarSubquery;
import io.mapper.sql.Select;
import io.mapper.sql.SelectBase;
import io.mapper.sql.Sql;
import io.mapper.sql.SqlVisitor;
import io.mapper.sql.Subquery;
import io.mapper.sql.TableAlias;
import io.mapper.sql.TableClause;
import io.mapper.sql.TextClause;
import io.mapper.sql.TextCondition;
import io.mapper.sql.TextExpression;
import io.mapper.sql.Update;
import io.mapper.sql.WindowFunction;
import io.mapper.types.SqlType;

/**
 * Renders a statement as SQL with {@code ?} placeholders; one protected hook per clause, which dialect compilers
 * override where their SQL differs. A compiler is used for one statement and then discarded (not thread-safe).
 *
 * <p>The generic rendering is standard SQL: {@code LIMIT ? OFFSET ?}, {@code NULLS FIRST}, {@code RETURNING} refused,
 * {@code CURRENT_TIMESTAMP}. Parameter keys come from {@link BoundParameters}, so they depend only on structure.
 */
public class SqlCompiler implements SqlVisitor {

    /** Where the element being rendered sits, which decides how labels and columns are written. */
    protected enum Clause {
        /** The columns clause of a SELECT: labels render as {@code expr AS name}. */
        COLUMNS,
        /** ORDER BY or GROUP BY: labels render as their name. */
        ORDER,
        /** Column names without a table, as in INSERT column lists, RETURNING and compound ORDER BY. */
        UNQUALIFIED,
        /** Anywhere else. */
        OTHER
    }

    protected final SqlWriter out;
    /** The dialect's name, for error messages. */
    protected final String dialectName;
    private final Deque<Set<TableClause>> scopes = new ArrayDeque<>();
    private @Nullable BoundParameters parameters;
    private Clause clause = Clause.OTHER;
    private int selectDepth;
    private boolean ctesRendered;
    private SchemaTranslation schemas = SchemaTranslation.NONE;

    public SqlCompiler(IdentifierPreparer identifiers) {
        this(identifiers, "default", false);
    }

    /**
     * A compiler for the named dialect; with {@code namedParameters} placeholders are written as {@code :key}
     * (for display).
     */
    public SqlCompiler(IdentifierPreparer identifiers, String dialectName, boolean namedParameters) {
        this.out = new SqlWriter(identifiers, namedParameters);
        this.dialectName = dialectName;
    }

    /**
     * Renders tables in the schemas {@code translation} maps their declared schemas to (SQLAlchemy's
     * {@code schema_translate_map}); returns this compiler.
     */
    public SqlCompiler translateSchemas(SchemaTranslation translation) {
        this.schemas = java.util.Objects.requireNonNull(translation, "translation must not be null");
        return this;
    }

    /** Renders the statement and returns the SQL with the parameter key and type of each placeholder. */
    public CompiledStatement compile(Executable statement) {
        parameters = BoundParameters.of(statement);
        statement.accept(this);
        List<Expression<?>> resultColumns = new ArrayList<>(statement.resultColumns());
        CompiledStatement compiled = new CompiledStatement(out.sql(), out.parameterKeys(),
                statement.generatedKeyColumns(), statement.operation(), statement.statementKind(),
                out.parameterTypes(), resultColumns);
        // The VALUES group of a single-row INSERT can be repeated for many rows (SQLAlchemy's insertmanyvalues)
        // when its placeholders are all the statement has.
        if (valuesGroupStart >= 0 && valuesGroupEnd > valuesGroupStart && out.parameterCount() > 0
                && valuesGroupParameters == out.parameterCount()) {
            compiled.valuesGroup(valuesGroupStart, valuesGroupEnd);
        }
        if (!out.expansions().isEmpty()) {
            compiled.expansions(out.expansions(), out.placeholderOffsets());
        }
        return compiled;
    }

    // The single VALUES group an INSERT wrote: its offsets in the SQL and its placeholder count (-1: none, or
    // not repeatable).
    private int valuesGroupStart = -1;
    private int valuesGroupEnd = -1;
    private int valuesGroupParameters = -1;

    /** Renders any element on its own, for display ({@code toString()}). */
    public String display(ClauseElement element) {
        parameters = BoundParameters.of(element);
        element.accept(this);
        return out.sql();
    }

    // ---------------------------------------------------------------- leaves

    @Override
    public void visitTable(TableClause table) {
        String schema = schemas.translate(table.schema());
        if (schema != null) {
            out.identifier(schema).raw(".");
        }
        out.identifier(table.name());
    }

    @Override
    public void visitColumn(ColumnClause<?> column) {
        TableClause table = column.table();
        if (table != null && clause != Clause.UNQUALIFIED) {
            out.identifier(table.name()).raw(".");
        }
        out.identifier(column.name());
    }

    @Override
    public void visitText(TextClause text) {
        for (TextClause.Segment segment : text.segments()) {
            if (segment.parameter()) {
                out.bind(segment.text());
            } else {
                out.raw(segment.text());
            }
        }
    }

    @Override
    public void visitBindParameter(BindParameter<?> parameter) {
        if (parameter.expanding()) {
            throw new CompileException("The expanding parameter " + parameter + " holds the values of an IN and "
                    + "can only be used as such: x.in(values). Use literal(value) for a single value.");
        }
        BoundParameters known = parameters;
        String key = known == null ? parameter.baseName() : known.keyOf(parameter);
        out.bind(key, parameter.typed() ? parameter.type() : null);
    }

    // ---------------------------------------------------------------- operators

    @Override
    public void visitComparison(Comparison comparison) {
        operand(comparison.left());
        out.raw(" ").raw(comparison.operator().sql()).raw(" ");
        operand(comparison.right());
    }

    @Override
    public void visitArithmetic(Arithmetic<?> arithmetic) {
        if (arithmetic.operator() == ArithmeticOperator.CONCAT) {
            concat(arithmetic.left(), arithmetic.right());
            return;
        }
        operand(arithmetic.left());
        out.raw(" ").raw(arithmetic.operator().sql()).raw(" ");
        operand(arithmetic.right());
    }

    /** String concatenation; standard SQL's {@code ||}. */
    protected void concat(Expression<?> left, Expression<?> right) {
        operand(left);
        out.raw(" || ");
        operand(right);
    }

    /** Renders an operand of an operator, in parentheses when it is itself an operation. */
    protected void operand(Expression<?> expression) {
        // A text condition brings its own parentheses; a text column gets them here, as an operation does.
        boolean parenthesize = expression instanceof Arithmetic<?> || expression instanceof TextExpression<?>
                || expression instanceof Condition && !(expression instanceof Exists)
                && !(expression instanceof TextCondition);
        if (expression instanceof Label<?> label) {
            render(label.expression());
            return;
        }
        if (parenthesize) {
            out.raw("(");
            render(expression);
            out.raw(")");
        } else {
            render(expression);
        }
    }

    @Override
    public void visitNullCheck(NullCheck check) {
        operand(check.operand());
        out.raw(check.negated() ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public void visitNot(Not not) {
        out.raw("NOT (");
        render(not.condition());
        out.raw(")");
    }

    @Override
    public void visitConditionList(ConditionList list) {
        if (list.conditions().isEmpty()) {
            out.raw(list.and() ? alwaysTrue() : alwaysFalse());
            return;
        }
        String separator = list.and() ? " AND " : " OR ";
        for (int i = 0; i < list.conditions().size(); i++) {
            if (i > 0) {
                out.raw(separator);
            }
            condition(list.conditions().get(i));
        }
    }

    /** Renders a condition inside AND/OR, in parentheses when it is itself a list. */
    protected void condition(Condition condition) {
        if (condition instanceof ConditionList list && list.conditions().size() > 1) {
            out.raw("(");
            render(condition);
            out.raw(")");
        } else {
            render(condition);
        }
    }

    /** A condition that is always true, for an empty AND and an empty NOT IN. */
    protected String alwaysTrue() {
        return "1 = 1";
    }

    /** A condition that is always false, for an empty OR and an empty IN. */
    protected String alwaysFalse() {
        return "1 = 0";
    }

    @Override
    public void visitIn(InCondition in) {
        SelectBase subquery = in.subquery();
        if (subquery == null && in.values().isEmpty()) {
            // IN () is a syntax error everywhere; an empty IN matches nothing and an empty NOT IN everything.
            out.raw(in.negated() ? alwaysTrue() : alwaysFalse());
            return;
        }
        if (in.expanding()) {
            // One marker for the whole list, written out per execution; an empty list at execution turns the
            // whole condition into what an empty IN compiles to here.
            int start = out.length();
            int firstPlaceholder = out.parameterCount();
            operand(in.operand());
            out.raw(in.negated() ? " NOT IN (" : " IN (");
            BindParameter<?> parameter = (BindParameter<?>) in.values().get(0);
            BoundParameters known = parameters;
            out.bindExpanding(known == null ? parameter.baseName() : known.keyOf(parameter),
                    parameter.typed() ? parameter.type() : null);
            out.raw(")");
            out.expansion(start, firstPlaceholder, in.negated() ? alwaysTrue() : alwaysFalse());
            return;
        }
        operand(in.operand());
        out.raw(in.negated() ? " NOT IN (" : " IN (");
        if (subquery != null) {
            nested(subquery);
        } else {
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) {
                    out.raw(", ");
                }
                render(in.values().get(i));
            }
        }
        out.raw(")");
    }

    @Override
    public void visitRowValueIn(RowValueIn in) {
        if (in.rows().isEmpty()) {
            out.raw(alwaysFalse());
            return;
        }
        if (!supportsRowValues()) {
            // Without row values: (a = ? AND b = ?) OR (a = ? AND b = ?).
            List<Condition> alternatives = new java.util.ArrayList<>(in.rows().size());
            for (List<Expression<?>> row : in.rows()) {
                List<Condition> parts = new java.util.ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    parts.add(new Comparison(in.operands().get(i), ComparisonOperator.EQ, row.get(i)));
                }
                alternatives.add(Sql.and(parts.toArray(Condition[]::new)));
            }
            // Parenthesised, so that it stays one condition inside an AND.
            out.raw("(");
            render(Sql.or(alternatives.toArray(Condition[]::new)));
            out.raw(")");
            return;
        }
        rowValue(in.operands());
        out.raw(" IN (");
        out.raw(rowValueListPrefix());
        for (int i = 0; i < in.rows().size(); i++) {
            if (i > 0) {
                out.raw(", ");
            }
            rowValue(in.rows().get(i));
        }
        out.raw(")");
    }

    private void rowValue(List<Expression<?>> expressions) {
        out.raw("(");
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                out.raw(", ");
            }
            operand(expressions.get(i));
        }
        out.raw(")");
    }

    /** Whether the database compares row values ({@code (a, b) IN ((?, ?))}); else an OR of ANDs is written. */
    protected boolean supportsRowValues() {
        return true;
    }

    /**
     * What opens the list of rows after {@code IN (}: nothing for a list of row values, {@code "VALUES "} for a
     * database whose row-value IN takes only a subquery (SQLite).
     */
    protected String rowValueListPrefix() {
        return "";
    }

    @Override
    public void visitBetween(Between between) {
        operand(between.operand());
        out.raw(between.negated() ? " NOT BETWEEN " : " BETWEEN ");
        operand(between.lower());
        out.raw(" AND ");
        operand(between.upper());
    }

    @Override
    public void visitLike(LikeCondition like) {
        if (like.caseInsensitive()) {
            caseInsensitiveLike(like);
        } else {
            operand(like.operand());
            out.raw(like.negated() ? " NOT LIKE " : " LIKE ");
            operand(like.pattern());
        }
        Character escape = like.escape();
        if (escape != null) {
            out.raw(" ESCAPE ").raw(escapeLiteral(escape));
        }
    }

    /** Case-insensitive LIKE; the standard has no ILIKE, so both sides are lower-cased. */
    protected void caseInsensitiveLike(LikeCondition like) {
        out.raw("LOWER(");
        render(like.operand());
        out.raw(like.negated() ? ") NOT LIKE LOWER(" : ") LIKE LOWER(");
        render(like.pattern());
        out.raw(")");
    }

    /** The escape character of a LIKE as a SQL string literal. */
    protected String escapeLiteral(char escape) {
        if (escape == '\'') {
            throw new CompileException("A single quote cannot be a LIKE escape character; use '/' or '!'.");
        }
        return "'" + escape + "'";
    }

    // ---------------------------------------------------------------- functions and expressions

    @Override
    public void visitFunction(FunctionCall<?> function) {
        switch (function.kind()) {
            case COUNT_STAR -> out.raw("COUNT(*)");
            case CURRENT_TIMESTAMP -> currentTimestamp();
            default -> {
                out.raw(function.renderedName()).raw("(");
                if (function.distinct()) {
                    out.raw("DISTINCT ");
                }
                list(function.arguments());
                out.raw(")");
            }
        }
    }

    /** The current date and time. */
    protected void currentTimestamp() {
        out.raw("CURRENT_TIMESTAMP");
    }

    // ---------------------------------------------------------------- SQL fragments, dates, FILTER (issue 14)

    @Override
    public void visitLiteralColumn(LiteralColumn<?> column) {
        out.raw(column.sql());
    }

    @Override
    public void visitInlineLiteral(InlineLiteral<?> literal) {
        out.raw(inlineLiteral(literal.value()));
    }

    /** A constant as a SQL literal: strings quoted by {@link #quoteString}, numbers in plain notation. */
    protected String inlineLiteral(Object value) {
        if (value instanceof String text) {
            return quoteString(text);
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** A string literal: standard SQL doubles the quote character and nothing else. */
    protected String quoteString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void visitTextFragment(List<TextClause.Segment> segments, List<BindParameter<?>> fragmentParameters,
            boolean condition) {
        if (condition) {
            out.raw("(");
        }
        for (TextClause.Segment segment : segments) {
            if (!segment.parameter()) {
                out.raw(segment.text());
                continue;
            }
            for (BindParameter<?> parameter : fragmentParameters) {
                if (parameter.baseName().equals(segment.text())) {
                    visitBindParameter(parameter);
                    break;
                }
            }
        }
        if (condition) {
            out.raw(")");
        }
    }

    @Override
    public void visitExtract(Extract extract) {
        out.raw("EXTRACT(").raw(extract.field().name()).raw(" FROM ");
        render(extract.operand());
        out.raw(")");
    }

    @Override
    public void visitDateTrunc(DateTrunc<?> trunc) {
        out.raw("DATE_TRUNC('").raw(trunc.unit().name()).raw("', ");
        render(trunc.operand());
        out.raw(")");
    }

    /** Whether an expression is of the DATE type (no time of day), for date functions that differ. */
    protected static boolean isDate(Expression<?> expression) {
        return expression.type() instanceof io.mapper.types.BuiltInType<?> builtIn
                && builtIn.kind() == io.mapper.types.BuiltInType.Kind.DATE;
    }

    /** Native {@code aggregate FILTER (WHERE condition)}; dialects without FILTER emulate it with CASE. */
    @Override
    public void visitAggregateFilter(AggregateFilter<?> filter) {
        render(filter.function());
        out.raw(" FILTER (WHERE ");
        render(filter.condition());
        out.raw(")");
    }

    /**
     * {@code f(CASE WHEN condition THEN x END)}: the aggregate sees NULL for the other rows, which every aggregate but
     * {@code count(*)} ignores, so {@code count(*)} becomes {@code COUNT(CASE WHEN condition THEN 1 END)}.
     */
    protected void aggregateFilterAsCase(AggregateFilter<?> filter) {
        FunctionCall<?> function = filter.function();
        if (function.kind() == FunctionCall.Kind.COUNT_STAR) {
            out.raw("COUNT(CASE WHEN ");
            render(filter.condition());
            out.raw(" THEN 1 END)");
            return;
        }
        if (function.arguments().size() != 1) {
            throw new io.mapper.exception.UnsupportedCompilationException("FILTER (WHERE ...) on "
                    + function.renderedName() + "(...) with " + function.arguments().size() + " arguments",
                    dialectName, "The database has no aggregate FILTER, and only a one-argument aggregate can be "
                    + "emulated with CASE; put caseWhen(condition, x) inside the aggregate yourself.");
        }
        out.raw(function.renderedName()).raw("(");
        if (function.distinct()) {
            out.raw("DISTINCT ");
        }
        out.raw("CASE WHEN ");
        render(filter.condition());
        out.raw(" THEN ");
        render(function.arguments().get(0));
        out.raw(" END)");
    }

    @Override
    public void visitWindowFunction(WindowFunction<?> window) {
        render(window.function());
        out.raw(" OVER (");
        boolean space = false;
        if (!window.partitionBy().isEmpty()) {
            out.raw("PARTITION BY ");
            list(window.partitionBy());
            space = true;
        }
        if (!window.orderBy().isEmpty()) {
            out.raw(space ? " ORDER BY " : "ORDER BY ");
            orderByList(window.orderBy());
            space = true;
        }
        if (window.frame() != null) {
            out.raw(space ? " " : "").raw(window.frame().range() ? "RANGE" : "ROWS").raw(" BETWEEN ")
                    .raw(window.frame().start().sql()).raw(" AND ").raw(window.frame().end().sql());
        }
        out.raw(")");
    }

    @Override
    public void visitLabel(Label<?> label) {
        switch (clause) {
            case COLUMNS -> {
                Clause saved = enter(Clause.OTHER);
                render(label.expression());
                clause = saved;
                out.raw(" AS ").identifier(label.name());
            }
            case ORDER -> out.identifier(label.name());
            default -> render(label.expression());
        }
    }

    @Override
    public void visitOrderBy(OrderByElement order) {
        orderByItem(order);
    }

    /** One ORDER BY item with its direction and NULL placement. */
    protected void orderByItem(OrderByElement order) {
        orderExpression(order.expression());
        if (order.descending()) {
            out.raw(" DESC");
        }
        switch (order.nulls()) {
            case FIRST -> out.raw(" NULLS FIRST");
            case LAST -> out.raw(" NULLS LAST");
            default -> {
            }
        }
    }

    /** An ORDER BY expression: a label by its name, anything else as itself. */
    protected void orderExpression(Expression<?> expression) {
        Clause saved = clause == Clause.UNQUALIFIED ? clause : enter(Clause.ORDER);
        render(expression);
        clause = saved;
    }

    @Override
    public void visitCase(CaseExpression<?> expression) {
        out.raw("CASE");
        for (CaseExpression.When when : expression.whens()) {
            out.raw(" WHEN ");
            render(when.condition());
            out.raw(" THEN ");
            render(when.result());
        }
        if (expression.otherwise() != null) {
            out.raw(" ELSE ");
            render(expression.otherwise());
        }
        out.raw(" END");
    }

    @Override
    public void visitCast(Cast<?> cast) {
        out.raw("CAST(");
        render(cast.operand());
        out.raw(" AS ").raw(castTypeName(cast.type())).raw(")");
    }

    /** The name of a type in a CAST; dialects map the generic names to their own. */
    protected String castTypeName(SqlType<?> type) {
        return type.name();
    }

    @Override
    public void visitScalarSubquery(ScalarSubquery<?> subquery) {
        out.raw("(");
        nested(subquery.select());
        out.raw(")");
    }

    @Override
    public void visitExists(Exists exists) {
        out.raw(exists.negated() ? "NOT EXISTS (" : "EXISTS (");
        nested(exists.select());
        out.raw(")");
    }

    // ---------------------------------------------------------------- FROM items

    @Override
    public void visitJoin(Join join) {
        if (join.type() == Join.Type.FULL_OUTER && !supportsFullOuterJoin()) {
            throw new UnsupportedCompilationException("FULL OUTER JOIN", dialectName,
                    "Combine a LEFT OUTER JOIN and a RIGHT-side anti-join with UNION ALL instead.");
        }
        render(join.left());
        out.raw(" ").raw(join.type().sql()).raw(" ");
        render(join.right());
        out.raw(" ON ");
        Clause saved = enter(Clause.OTHER);
        render(join.on());
        clause = saved;
    }

    /** Whether the database has FULL OUTER JOIN. */
    protected boolean supportsFullOuterJoin() {
        return true;
    }

    @Override
    public void visitTableAlias(TableAlias alias) {
        visitTable(alias.original());
        out.raw(" AS ").identifier(alias.name());
    }

    @Override
    public void visitSubquery(Subquery subquery) {
        out.raw("(");
        nested(subquery.select());
        out.raw(") AS ").identifier(subquery.name());
    }

    @Override
    public void visitCte(Cte cte) {
        out.identifier(cte.name());
    }

    // ---------------------------------------------------------------- SELECT

    @Override
    public void visitSelect(Select select) {
        withClause();
        selectDepth++;
        Clause saved = enter(Clause.OTHER);
        List<ClauseElement> froms = correlatedFroms(select);
        scopes.push(tablesOf(froms));
        try {
            out.keyword("SELECT");
            if (select.isDistinct()) {
                out.raw(" DISTINCT");
            }
            out.raw(" ");
            columnsClause(select.selectedColumns());
            if (!froms.isEmpty()) {
                out.raw(" FROM ");
                for (int i = 0; i < froms.size(); i++) {
                    if (i > 0) {
                        out.raw(", ");
                    }
                    render(froms.get(i));
                }
            }
            whereClause(select.whereConditions());
            if (!select.groupByExpressions().isEmpty()) {
                out.raw(" GROUP BY ");
                Clause inner = enter(Clause.ORDER);
                list(select.groupByExpressions());
                clause = inner;
            }
            if (!select.havingConditions().isEmpty()) {
                out.raw(" HAVING ");
                conditions(select.havingConditions());
            }
            orderByClause(select.orderByElements());
            limitClause(select.limitParameter(), select.offsetParameter());
            if (select.rowLock() != null) {
                lockClause(select.rowLock());
            }
        } finally {
            scopes.pop();
            selectDepth--;
            clause = saved;
        }
    }

    /** The columns clause. */
    protected void columnsClause(List<Expression<?>> columns) {
        Clause saved = enter(Clause.COLUMNS);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.raw(", ");
            }
            render(columns.get(i));
        }
        clause = saved;
    }

    /** {@code WHERE c1 AND c2}, or nothing. */
    protected void whereClause(List<Condition> conditions) {
        if (!conditions.isEmpty()) {
            out.raw(" WHERE ");
            conditions(conditions);
        }
    }

    /** {@code ORDER BY ...}, or nothing. */
    protected void orderByClause(List<OrderByElement> orderBy) {
        if (!orderBy.isEmpty()) {
            out.raw(" ORDER BY ");
            orderByList(orderBy);
        }
    }

    /** {@code LIMIT ? OFFSET ?}; either may be absent. */
    protected void limitClause(@Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset) {
        if (limit != null) {
            out.raw(" LIMIT ");
            render(limit);
        }
        if (offset != null) {
            out.raw(" OFFSET ");
            render(offset);
        }
    }

    /** {@code FOR UPDATE | FOR SHARE [OF t, ...] [NOWAIT | SKIP LOCKED]}, as PostgreSQL writes it. */
    protected void lockClause(RowLock lock) {
        out.raw(lock.shared() ? " FOR SHARE" : " FOR UPDATE");
        lockedTables(lock);
        lockWait(lock.mode());
    }

    /** {@code OF t, ...}: the tables (or aliases) by name, without schema, as PostgreSQL wants them. */
    protected void lockedTables(RowLock lock) {
        for (int i = 0; i < lock.of().size(); i++) {
            out.raw(i == 0 ? " OF " : ", ").identifier(lock.of().get(i).name());
        }
    }

    /** {@code NOWAIT}, {@code SKIP LOCKED}, or nothing for waiting. */
    protected void lockWait(ForUpdate wait) {
        switch (wait) {
            case NOWAIT -> out.raw(" NOWAIT");
            case SKIP_LOCKED -> out.raw(" SKIP LOCKED");
            default -> {
            }
        }
    }

    @Override
    public void visitCompoundSelect(CompoundSelect compound) {
        withClause();
        selectDepth++;
        try {
            List<SelectBase> selects = compound.selects();
            for (int i = 0; i < selects.size(); i++) {
                if (i > 0) {
                    out.raw(" ").raw(compound.operator().sql()).raw(" ");
                }
                SelectBase member = selects.get(i);
                boolean parenthesize = member instanceof CompoundSelect && i > 0;
                if (parenthesize) {
                    out.raw("(");
                }
                render(member);
                if (parenthesize) {
                    out.raw(")");
                }
            }
            if (!compound.orderByElements().isEmpty()) {
                // The ORDER BY of a compound refers to the result's column names, never to a table.
                Clause saved = enter(Clause.UNQUALIFIED);
                out.raw(" ORDER BY ");
                orderByList(compound.orderByElements());
                clause = saved;
            }
            limitClause(compound.limitParameter(), compound.offsetParameter());
        } finally {
            selectDepth--;
        }
    }

    /** Renders {@code WITH [RECURSIVE] name (columns) AS (...), ...} before the outermost query, once. */
    protected void withClause() {
        if (ctesRendered || selectDepth > 0 || parameters == null) {
            return;
        }
        ctesRendered = true;
        List<Cte> ctes = parameters.ctes();
        if (ctes.isEmpty()) {
            return;
        }
        boolean recursive = ctes.stream().anyMatch(Cte::recursive);
        out.keyword(recursive ? "WITH RECURSIVE " : "WITH ");
        selectDepth++;
        Deque<Set<TableClause>> saved = new ArrayDeque<>(scopes);
        scopes.clear();
        try {
            for (int i = 0; i < ctes.size(); i++) {
                Cte cte = ctes.get(i);
                if (i > 0) {
                    out.raw(", ");
                }
                out.identifier(cte.name()).raw("(");
                for (int c = 0; c < cte.columns().size(); c++) {
                    if (c > 0) {
                        out.raw(", ");
                    }
                    out.identifier(cte.columns().get(c).name());
                }
                out.raw(") AS (");
                render(cte.body());
                out.raw(")");
            }
        } finally {
            selectDepth--;
            scopes.addAll(saved);
        }
        out.raw(" ");
    }

    // ---------------------------------------------------------------- DML

    @Override
    public void visitInsert(Insert insert) {
        insertStatement(insert);
        returningClause(Operation.INSERT, insert.returning());
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?), ...} or {@code ... SELECT ...}, without RETURNING. */
    protected void insertStatement(Insert insert) {
        out.raw("INSERT INTO ");
        render(insert.table());
        if (insert.columns().isEmpty() && insert.select() == null) {
            emptyInsertValues();
            return;
        }
        out.raw(" (");
        Clause saved = enter(Clause.UNQUALIFIED);
        list(insert.columns());
        clause = saved;
        out.raw(")");
        SelectBase select = insert.select();
        if (select != null) {
            out.raw(" ");
            render(select);
            return;
        }
        out.raw(" VALUES ");
        boolean repeatable = insert.rows().size() == 1 && valuesGroupStart == -1 && out.parameterCount() == 0
                && insert.rows().get(0).stream().allMatch(value -> value instanceof BindParameter<?>);
        int start = out.length();
        for (int r = 0; r < insert.rows().size(); r++) {
            if (r > 0) {
                out.raw(", ");
            }
            out.raw("(");
            list(insert.rows().get(r));
            out.raw(")");
        }
        if (repeatable) {
            valuesGroupStart = start;
            valuesGroupEnd = out.length();
            valuesGroupParameters = out.parameterCount();
        } else {
            valuesGroupStart = -2;    // a second INSERT in one statement, or values that are not placeholders
        }
    }

    /** An INSERT of a row with only default values. */
    protected void emptyInsertValues() {
        out.raw(" DEFAULT VALUES");
    }

    @Override
    public void visitUpdate(Update update) {
        scopes.push(Collections.singleton(update.table()));
        try {
            updateStatement(update);
            returningClause(Operation.UPDATE, update.returning());
        } finally {
            scopes.pop();
        }
    }

    /** {@code UPDATE t SET a = ?, ... [FROM ...] WHERE ...}, without RETURNING. */
    protected void updateStatement(Update update) {
        requireSetValues(update);
        List<TableClause> others = update.extraFroms();
        if (!others.isEmpty() && !supportsUpdateFrom()) {
            correlatedUpdate(update, others);
            return;
        }
        out.raw("UPDATE ");
        render(update.table());
        out.raw(" SET ");
        setClause(update, false);
        List<TableClause> extra = update.extraFroms();
        if (!extra.isEmpty()) {
            updateFromClause(extra);
        }
        whereClause(update.whereConditions());
    }

    /** Refuses an UPDATE without values, which no database accepts. */
    protected void requireSetValues(Update update) {
        if (update.columns().isEmpty()) {
            throw new CompileException("update(" + update.table().name() + ") sets no columns; add set(column, value)"
                    + " or values(map).");
        }
    }

    /** {@code a = ?, b = (b + ?)}, the columns qualified when {@code qualified}. */
    protected void setClause(Update update, boolean qualified) {
        for (int i = 0; i < update.columns().size(); i++) {
            if (i > 0) {
                out.raw(", ");
            }
            ColumnClause<?> column = update.columns().get(i);
            if (qualified) {
                visitColumn(column);
            } else {
                out.identifier(column.name());
            }
            out.raw(" = ");
            render(update.values().get(i));
        }
    }

    /** Whether UPDATE takes a FROM clause for other tables (PostgreSQL, SQLite); otherwise the correlated form. */
    protected boolean supportsUpdateFrom() {
        return false;
    }

    /** The other tables of an UPDATE whose values or WHERE refer to them: {@code FROM a, b}. */
    protected void updateFromClause(List<TableClause> tables) {
        updateFromTables(tables);
    }

    /**
     * An UPDATE whose values or WHERE name other tables, in standard SQL (H2): each value that reads another table
     * becomes a correlated scalar subquery over those tables with the statement's WHERE, and the rows to update are
     * those for which some row of the other tables meets the WHERE:
     * {@code UPDATE t SET a = (SELECT o.x FROM o WHERE w), b = ? WHERE EXISTS (SELECT 1 FROM o WHERE w)}. Where several
     * rows of the other tables match one target row, the subquery fails ("more than one row") instead of picking one
     * of them as {@code UPDATE ... FROM} does.
     */
    protected void correlatedUpdate(Update update, List<TableClause> others) {
        ClauseElement[] from = others.toArray(ClauseElement[]::new);
        Condition[] where = update.whereConditions().toArray(Condition[]::new);
        out.raw("UPDATE ");
        render(update.table());
        out.raw(" SET ");
        // The target is the enclosing scope, so the subqueries correlate with the row being updated.
        scopes.push(Collections.singleton(update.table()));
        try {
            for (int i = 0; i < update.columns().size(); i++) {
                if (i > 0) {
                    out.raw(", ");
                }
                ColumnClause<?> column = update.columns().get(i);
                Expression<?> value = update.values().get(i);
                out.identifier(column.name()).raw(" = ");
                boolean readsOthers = !Sql.update(update.table()).set(column, value).extraFroms().isEmpty();
                render(readsOthers ? Sql.select(value).from(from).where(where).scalarSubquery() : value);
            }
            out.raw(" WHERE ");
            render(Sql.exists(Sql.select(Sql.literalColumn("1")).from(from).where(where)));
        } finally {
            scopes.pop();
        }
    }

    /** Renders {@code FROM a, b} after the SET clause of an UPDATE (PostgreSQL and SQLite form). */
    protected void updateFromTables(List<TableClause> tables) {
        out.raw(" FROM ");
        for (int i = 0; i < tables.size(); i++) {
            if (i > 0) {
                out.raw(", ");
            }
            render(tables.get(i));
        }
    }

    @Override
    public void visitDelete(Delete delete) {
        scopes.push(Collections.singleton(delete.table()));
        try {
            deleteStatement(delete);
            returningClause(Operation.DELETE, delete.returning());
        } finally {
            scopes.pop();
        }
    }

    /** {@code DELETE FROM t WHERE ...}, without RETURNING. */
    protected void deleteStatement(Delete delete) {
        List<TableClause> extra = delete.extraFroms();
        if (!extra.isEmpty()) {
            deleteWithOtherTables(delete, extra);
            return;
        }
        out.raw("DELETE FROM ");
        render(delete.table());
        whereClause(delete.whereConditions());
    }

    /**
     * A DELETE whose WHERE names other tables, in standard SQL: {@code DELETE FROM t WHERE EXISTS (SELECT 1 FROM
     * others WHERE ...)}. The target's columns in the condition correlate with the row being deleted, so a row goes
     * when some row of the other tables meets the condition, as with PostgreSQL's USING.
     */
    protected void deleteWithOtherTables(Delete delete, List<TableClause> otherTables) {
        out.raw("DELETE FROM ");
        render(delete.table());
        Select matches = Sql.select(Sql.literalColumn("1")).from(otherTables.toArray(ClauseElement[]::new))
                .where(delete.whereConditions().toArray(Condition[]::new));
        out.raw(" WHERE ");
        // The target is the enclosing scope, so the subquery correlates with it instead of listing it in its FROM
        // (H2 renders RETURNING around this statement without going through visitDelete).
        scopes.push(Collections.singleton(delete.table()));
        try {
            render(Sql.exists(matches));
        } finally {
            scopes.pop();
        }
    }

    /** {@code RETURNING a, b}, refused where the database cannot return rows from this kind of statement. */
    protected void returningClause(Operation operation, List<Expression<?>> returning) {
        if (returning.isEmpty()) {
            return;
        }
        if (!supportsReturning(operation)) {
            throw new UnsupportedCompilationException("RETURNING on " + operation.name(), dialectName,
                    "Execute the " + operation.name() + " and then SELECT the rows you need.");
        }
        out.raw(" RETURNING ");
        returningColumns(returning);
    }

    /**
     * Whether RETURNING qualifies its columns: a dialect sets it when the statement names other tables (USING,
     * UPDATE ... FROM), where an unqualified {@code id} would be ambiguous.
     */
    protected boolean qualifiedReturning;

    /** The RETURNING expressions, columns unqualified (unless {@link #qualifiedReturning}), labels as {@code expr AS name}. */
    protected void returningColumns(List<Expression<?>> returning) {
        Clause saved = enter(qualifiedReturning ? clause : Clause.UNQUALIFIED);
        for (int i = 0; i < returning.size(); i++) {
            if (i > 0) {
                out.raw(", ");
            }
            Expression<?> expression = returning.get(i);
            if (expression instanceof Label<?> label) {
                render(label.expression());
                out.raw(" AS ").identifier(label.name());
            } else {
                render(expression);
            }
        }
        clause = saved;
    }

    /** Whether an INSERT, UPDATE or DELETE of this database accepts RETURNING. */
    protected boolean supportsReturning(Operation operation) {
        return false;
    }

    // ---------------------------------------------------------------- helpers

    /** Renders an element. */
    protected final void render(ClauseElement element) {
        element.accept(this);
    }

    /** Renders a nested query (subquery, EXISTS, IN): correlated against the enclosing FROM items. */
    protected final void nested(SelectBase select) {
        Clause saved = enter(Clause.OTHER);
        render(select);
        clause = saved;
    }

    /** Switches the clause mode and returns the previous one, to restore after. */
    protected final Clause enter(Clause mode) {
        Clause previous = clause;
        clause = mode;
        return previous;
    }

    /** The current clause mode. */
    protected final Clause clause() {
        return clause;
    }

    /** Comma-separated elements. */
    protected final void list(List<? extends ClauseElement> elements) {
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.raw(", ");
            }
            render(elements.get(i));
        }
    }

    /** Comma-separated ORDER BY items. */
    protected final void orderByList(List<OrderByElement> elements) {
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.raw(", ");
            }
            render(elements.get(i));
        }
    }

    /** Conditions joined with AND. */
    protected final void conditions(List<Condition> conditions) {
        Clause saved = enter(Clause.OTHER);
        if (conditions.size() == 1) {
            render(conditions.get(0));
        } else {
            for (int i = 0; i < conditions.size(); i++) {
                if (i > 0) {
                    out.raw(" AND ");
                }
                condition(conditions.get(i));
            }
        }
        clause = saved;
    }

    /** The FROM items of a select, leaving out implicit tables that an enclosing query provides (correlation). */
    private List<ClauseElement> correlatedFroms(Select select) {
        List<ClauseElement> all = select.effectiveFroms();
        if (scopes.isEmpty()) {
            return all;
        }
        List<ClauseElement> kept = new ArrayList<>(all.size());
        for (ClauseElement from : all) {
            boolean explicit = select.froms().contains(from);
            if (explicit || !(from instanceof TableClause table) || !inEnclosingScope(table)) {
                kept.add(from);
            }
        }
        return kept.isEmpty() ? all : kept;
    }

    private boolean inEnclosingScope(TableClause table) {
        for (Set<TableClause> scope : scopes) {
            if (scope.contains(table)) {
                return true;
            }
        }
        return false;
    }

    private static Set<TableClause> tablesOf(List<ClauseElement> froms) {
        Set<TableClause> tables = new java.util.HashSet<>();
        for (ClauseElement from : froms) {
            if (from instanceof Join join) {
                tables.addAll(join.tables());
            } else if (from instanceof TableClause table) {
                tables.add(table);
            }
        }
        return tables;
    }
}
