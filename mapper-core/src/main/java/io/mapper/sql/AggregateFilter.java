package io.mapper.sql;

import java.util.List;
import java.util.Objects;

import io.mapper.types.SqlType;

/**
 * An aggregate over the rows that meet a condition: {@code count(*) FILTER (WHERE x > 5)} where the database has
 * FILTER (PostgreSQL, SQLite, H2), {@code COUNT(CASE WHEN x > 5 THEN 1 END)} where it does not (MariaDB). Build it
 * with {@link FunctionCall#filter(Condition)}.
 *
 * @param function the aggregate
 * @param condition the rows it aggregates
 * @param <T> the Java type of the aggregate
 */
public record AggregateFilter<T>(FunctionCall<T> function, Condition condition) implements Expression<T> {

    public AggregateFilter {
        Objects.requireNonNull(function, "function must not be null");
        Objects.requireNonNull(condition, "the FILTER condition must not be null");
    }

    @Override
    public SqlType<T> type() {
        return function.type();
    }

    /** This filtered aggregate with a further condition, joined with AND. */
    public AggregateFilter<T> filter(Condition more) {
        return new AggregateFilter<>(function, condition.and(more));
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitAggregateFilter(this);
    }

    @Override
    public List<? extends ClauseElement> children() {
        return List.of(function, condition);
    }

    @Override
    public String toString() {
        return Statements.display(this);
    }
}
