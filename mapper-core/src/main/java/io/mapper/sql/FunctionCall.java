package io.mapper.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.types.SqlType;

/**
 * A SQL function call with a declared return type: {@code count(*)}, {@code lower(name)}, or any function through
 * {@link Sql#func(String, SqlType, Object...)}. The current timestamp is a kind of its own, rendered per dialect.
 */
public record FunctionCall<T>(String name, List<Expression<?>> arguments, SqlType<T> type, Kind kind,
        boolean distinct) implements Expression<T> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** Which rendering a call needs. */
    public enum Kind {
        /** {@code name(arg, ...)}, the name as the user gave it. */
        GENERIC,
        /** A standard SQL function ({@code COUNT}, {@code LOWER}, ...), rendered in upper case. */
        STANDARD,
        /** {@code count(*)}. */
        COUNT_STAR,
        /** The current date and time, spelled per dialect. */
        CURRENT_TIMESTAMP
    }

    public FunctionCall {
        if (!NAME.matcher(name).matches()) {
            throw new ArgumentException("'" + name + "' is not a valid SQL function name; use letters, digits and "
                    + "underscores, optionally qualified by a schema (schema.function).");
        }
        arguments = List.copyOf(arguments);
    }

    /** The function name as rendered: upper case for the standard functions, as given otherwise. */
    public String renderedName() {
        return kind == Kind.GENERIC ? name : name.toUpperCase(Locale.ROOT);
    }

    /**
     * This aggregate over the rows that meet {@code condition} (SQLAlchemy's {@code count().filter(...)}):
     * {@code count(*) FILTER (WHERE ...)} where the database has FILTER, a CASE inside the aggregate elsewhere.
     *
     * <pre>{@code
     * // SELECT count(*) FILTER (WHERE address.email_address LIKE ?) FROM address
     * select(count().filter(address.email.like("%@aol.com")));
     * }</pre>
     */
    public AggregateFilter<T> filter(Condition condition) {
        return new AggregateFilter<>(this, condition);
    }

    /** This function as a window function: {@code f(...) OVER (PARTITION BY ... ORDER BY ... frame)}. */
    public WindowFunction<T> over(List<? extends Expression<?>> partitionBy, List<OrderByElement> orderBy,
            @Nullable WindowFrame frame) {
        return new WindowFunction<>(this, List.copyOf(partitionBy), List.copyOf(orderBy), frame);
    }

    /** This function over the whole result: {@code f(...) OVER ()}. */
    public WindowFunction<T> over() {
        return new WindowFunction<>(this, List.of(), List.of(), null);
    }

    /** This function over a partition: {@code f(...) OVER (PARTITION BY ...)}. */
    public WindowFunction<T> overPartition(Expression<?>... partitionBy) {
        return new WindowFunction<>(this, List.of(partitionBy), List.of(), null);
    }

    /** This function over an ordering: {@code f(...) OVER (ORDER BY ...)}. */
    public WindowFunction<T> overOrder(OrderByElement... orderBy) {
        return new WindowFunction<>(this, List.of(), List.of(orderBy), null);
    }

    static List<Expression<?>> arguments(Object... arguments) {
        List<Expression<?>> result = new ArrayList<>(arguments.length);
        for (Object argument : arguments) {
            result.add(argument instanceof Expression<?> expression ? expression : Sql.literal(argument));
        }
        return result;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitFunction(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return arguments;
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
