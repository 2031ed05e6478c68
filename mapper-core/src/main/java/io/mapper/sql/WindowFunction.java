package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.types.SqlType;

/** {@code function OVER (PARTITION BY ... ORDER BY ... frame)}; built with {@link FunctionCall#over}. */
public record WindowFunction<T>(FunctionCall<T> function, List<Expression<?>> partitionBy,
        List<OrderByElement> orderBy, @Nullable WindowFrame frame) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return function.type();
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitWindowFunction(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        List<ClauseElement> children = new ArrayList<>();
        children.add(function);
        children.addAll(partitionBy);
        children.addAll(orderBy);
        return children;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
