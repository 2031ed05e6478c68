package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * {@code left [LEFT OUTER | FULL OUTER] JOIN right ON condition}. Without an explicit condition the ON clause is
 * inferred from the single foreign key between the two sides; none or several is an error naming the tables.
 */
public record Join(ClauseElement left, TableClause right, Condition on, Type type) implements ClauseElement {

    /** The kind of join. */
    public enum Type {
        INNER("JOIN"), LEFT_OUTER("LEFT OUTER JOIN"), FULL_OUTER("FULL OUTER JOIN");

        private final String sql;

        Type(String sql) {
            this.sql = sql;
        }

        /** The join keyword(s). */
        public String sql() {
            return sql;
        }
    }

    public Join {
        if (!(left instanceof TableClause || left instanceof Join)) {
            throw new ArgumentException("The left side of a join must be a table, an alias, a subquery or another "
                    + "join, not " + left.getClass().getSimpleName() + ".");
        }
    }

    static Join of(ClauseElement left, TableClause right, @Nullable Condition on, Type type) {
        Objects.requireNonNull(right, "the table to join must not be null");
        return new Join(left, right, on != null ? on : infer(left, right), type);
    }

    /** This join, joined to {@code right} with an inferred ON clause. */
    public Join join(TableClause right) {
        return of(this, right, null, Type.INNER);
    }

    /** This join, joined to {@code right} on {@code on}. */
    public Join join(TableClause right, Condition on) {
        return of(this, right, on, Type.INNER);
    }

    /** This join, left-outer-joined to {@code right}. */
    public Join outerJoin(TableClause right) {
        return of(this, right, null, Type.LEFT_OUTER);
    }

    /** This join, left-outer-joined to {@code right} on {@code on}. */
    public Join outerJoin(TableClause right, Condition on) {
        return of(this, right, on, Type.LEFT_OUTER);
    }

    /** The tables on both sides, left to right. */
    public List<TableClause> tables() {
        List<TableClause> tables = new ArrayList<>();
        collect(left, tables);
        tables.add(right);
        return tables;
    }

    private static void collect(ClauseElement element, List<TableClause> into) {
        if (element instanceof Join join) {
            into.addAll(join.tables());
        } else {
            into.add((TableClause) element);
        }
    }

    private static Condition infer(ClauseElement left, TableClause right) {
        List<TableClause> lefts = new ArrayList<>();
        collect(left, lefts);
        List<Condition> candidates = new ArrayList<>();
        for (TableClause table : lefts) {
            for (ForeignKeyReference key : right.foreignKeys()) {
                if (refersTo(key, table)) {
                    candidates.add(condition(right, key, table));
                }
            }
            for (ForeignKeyReference key : table.foreignKeys()) {
                if (refersTo(key, right)) {
                    candidates.add(condition(table, key, right));
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String names = lefts.stream().map(TableClause::name).toList() + " and '" + right.name() + "'";
        if (candidates.isEmpty()) {
            throw new ArgumentException("Cannot infer the ON clause of the join between " + names + ": no foreign "
                    + "key links them. Give the condition: join(table, condition).");
        }
        throw new ArgumentException("Cannot infer the ON clause of the join between " + names + ": "
                + candidates.size() + " foreign keys link them. Give the condition: join(table, condition).");
    }

    private static boolean refersTo(ForeignKeyReference key, TableClause table) {
        TableClause target = table instanceof TableAlias alias ? alias.original() : table;
        return key.referredTable() == target;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition condition(TableClause referring, ForeignKeyReference key, TableClause referred) {
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            Expression from = referring.column(key.columns().get(i).name());
            Expression to = referred.column(key.referredColumns().get(i).name());
            parts.add(new Comparison(to, ComparisonOperator.EQ, from));
        }
        return ConditionList.of(true, parts);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitJoin(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(left, right, on);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
