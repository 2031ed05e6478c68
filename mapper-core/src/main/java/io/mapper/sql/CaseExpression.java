package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.types.SqlType;

/**
 * {@code CASE WHEN c1 THEN v1 ... ELSE v END}; start with {@link Sql#caseWhen(Condition, Object)}. Values are bound
 * with the type of the first result. Immutable.
 */
public record CaseExpression<T>(List<When> whens, @Nullable Expression<?> otherwise, SqlType<T> type)
        implements Expression<T> {

    /** One {@code WHEN condition THEN result}. */
    public record When(Condition condition, Expression<?> result) {
    }

    public CaseExpression {
        whens = List.copyOf(whens);
    }

    /** Adds {@code WHEN condition THEN result}. */
    public CaseExpression<T> when(Condition condition, Object result) {
        List<When> all = new ArrayList<>(whens);
        all.add(new When(condition, Coercions.value(whens.get(0).result(), result, "CASE")));
        return new CaseExpression<>(all, otherwise, type);
    }

    /** Sets {@code ELSE result}. */
    public CaseExpression<T> otherwise(Object result) {
        return new CaseExpression<>(whens, Coercions.value(whens.get(0).result(), result, "CASE"), type);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitCase(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> children = new ArrayList<>();
        for (When when : whens) {
            children.add(when.condition());
            children.add(when.result());
        }
        if (otherwise != null) {
            children.add(otherwise);
        }
        return children;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
