package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * Rewrites a condition so that the columns of one table are read from an alias of it (SQLAlchemy's
 * {@code ClauseAdapter}): {@code node.label = ?} becomes {@code node_1.label = ?}. The ORM adapts the criteria of
 * {@code any(...)} and {@code has(...)} on a relationship from a table to itself this way, since the related rows are
 * read under an alias there. Subqueries and hand-written SQL inside the condition are left as they are; a construct
 * the adapter cannot rebuild that names the table's columns is refused, never left reading the wrong rows.
 * Immutable; thread-safe.
 */
public final class ClauseAdapter {

    private final TableClause table;
    private final TableAlias alias;

    private ClauseAdapter(TableClause table, TableAlias alias) {
        this.table = table;
        this.alias = alias;
    }

    /**
     * {@code condition} with every column of {@code table} (by name and schema; an alias of it is another table)
     * read from {@code alias} instead.
     *
     * @throws ArgumentException when the condition names a column of {@code table} inside a construct that cannot be
     *     rebuilt (a window function, say)
     */
    public static Condition adapt(Condition condition, TableClause table, TableAlias alias) {
        return new ClauseAdapter(table, alias).condition(condition);
    }

    private Condition condition(Condition condition) {
        if (condition instanceof Comparison comparison) {
            return new Comparison(expression(comparison.left()), comparison.operator(),
                    expression(comparison.right()));
        }
        if (condition instanceof ConditionList list) {
            List<Condition> adapted = new ArrayList<>(list.conditions().size());
            for (Condition each : list.conditions()) {
                adapted.add(condition(each));
            }
            return new ConditionList(list.and(), adapted);
        }
        if (condition instanceof Not not) {
            return new Not(condition(not.condition()));
        }
        if (condition instanceof NullCheck check) {
            return new NullCheck(expression(check.operand()), check.negated());
        }
        if (condition instanceof InCondition in) {
            return new InCondition(expression(in.operand()), expressions(in.values()), in.subquery(), in.negated());
        }
        if (condition instanceof Between between) {
            return new Between(expression(between.operand()), expression(between.lower()),
                    expression(between.upper()), between.negated());
        }
        if (condition instanceof LikeCondition like) {
            return new LikeCondition(expression(like.operand()), expression(like.pattern()), like.escape(),
                    like.caseInsensitive(), like.negated());
        }
        return unchanged(condition);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Expression<?> expression(Expression<?> expression) {
        if (expression instanceof ColumnClause<?> column) {
            return adapts(column) ? column(column) : column;
        }
        if (expression instanceof Condition condition) {
            return condition(condition);
        }
        if (expression instanceof Arithmetic<?> arithmetic) {
            return new Arithmetic(expression(arithmetic.left()), arithmetic.operator(), expression(arithmetic.right()),
                    arithmetic.type());
        }
        if (expression instanceof FunctionCall<?> call) {
            return new FunctionCall(call.name(), expressions(call.arguments()), call.type(), call.kind(),
                    call.distinct());
        }
        if (expression instanceof Cast<?> cast) {
            return new Cast(expression(cast.operand()), cast.type());
        }
        if (expression instanceof Label<?> label) {
            return new Label(label.name(), expression(label.expression()));
        }
        if (expression instanceof CaseExpression<?> caseExpression) {
            List<CaseExpression.When> whens = new ArrayList<>(caseExpression.whens().size());
            for (CaseExpression.When when : caseExpression.whens()) {
                whens.add(new CaseExpression.When(condition(when.condition()), expression(when.result())));
            }
            Expression<?> otherwise = caseExpression.otherwise();
            return new CaseExpression(whens, otherwise == null ? null : expression(otherwise), caseExpression.type());
        }
        return unchanged(expression);
    }

    private List<Expression<?>> expressions(List<Expression<?>> expressions) {
        List<Expression<?>> adapted = new ArrayList<>(expressions.size());
        for (Expression<?> each : expressions) {
            adapted.add(expression(each));
        }
        return adapted;
    }

    private boolean adapts(ColumnClause<?> column) {
        TableClause owner = column.table();
        return owner != null && !(owner instanceof TableAlias) && owner.equals(table);
    }

    /** The column of the same name and type read from the alias. */
    private ColumnClause<?> column(ColumnClause<?> column) {
        if (alias.hasColumn(column.name())) {
            return alias.column(column.name());
        }
        TableClause original = alias.original();
        return Sql.alias(TableClause.inSchema(original.schema(), original.name(),
                ColumnClause.of(column.name(), column.type())), alias.name()).column(column.name());
    }

    /**
     * An element the adapter does not rebuild: kept when no column of the table is in it outside subqueries (a bound
     * value, hand-written SQL, EXISTS), refused otherwise.
     */
    private <E extends ClauseElement> E unchanged(E element) {
        ColumnClause<?> named = firstAdapted(element);
        if (named != null) {
            throw new ArgumentException("Cannot read " + table.name() + "." + named.name() + " from the alias "
                    + alias.name() + " inside " + element.getClass().getSimpleName() + ": mapper rebuilds comparisons, "
                    + "AND/OR/NOT, IN, BETWEEN, LIKE, arithmetic, functions, CAST and CASE. Write the condition with "
                    + "the alias's own columns (Sql.alias(table, \"" + alias.name() + "\")).");
        }
        return element;
    }

    private @Nullable ColumnClause<?> firstAdapted(ClauseElement element) {
        if (element instanceof ColumnClause<?> column) {
            return adapts(column) ? column : null;
        }
        if (element instanceof SelectBase || element instanceof ScalarSubquery<?> || element instanceof Exists) {
            return null;
        }
        for (ClauseElement child : element.children()) {
            ColumnClause<?> found = firstAdapted(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
