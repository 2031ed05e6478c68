package io.mapper.spring.data.repository.support;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.data.support.PageableExecutionUtils;

import io.mapper.orm.EntitySelect;
import io.mapper.sql.Condition;
import io.mapper.spring.data.repository.query.EntityProjector;

/**
 * The fluent Query by Example of {@code repository.findBy(example, query -> query.sortBy(...).page(...))}: each step
 * returns a new query; results are projected into the type given to {@code as(...)}. {@code project(...)} is
 * accepted and changes nothing: mapper loads whole objects (their identity-map instances).
 *
 * @param <S> the probe's type
 * @param <R> the result type
 */
final class FluentQueryByExample<S, R> implements FluentQuery.FetchableFluentQuery<R> {

    private final EntityQueries<?> queries;
    private final Class<S> probeType;
    private final @Nullable Condition condition;
    private final Sort sort;
    private final int limit;
    private final EntityProjector projector;
    private final Class<R> resultType;

    FluentQueryByExample(EntityQueries<?> queries, Class<S> probeType, @Nullable Condition condition, Sort sort,
            int limit, EntityProjector projector, Class<R> resultType) {
        this.queries = queries;
        this.probeType = probeType;
        this.condition = condition;
        this.sort = sort;
        this.limit = limit;
        this.projector = projector;
        this.resultType = resultType;
    }

    @Override
    public FetchableFluentQuery<R> sortBy(Sort by) {
        return new FluentQueryByExample<>(queries, probeType, condition, sort.and(by), limit, projector, resultType);
    }

    @Override
    public FetchableFluentQuery<R> limit(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Limit must not be negative, got " + count);
        }
        return new FluentQueryByExample<>(queries, probeType, condition, sort, count, projector, resultType);
    }

    @Override
    public <T> FetchableFluentQuery<T> as(Class<T> type) {
        return new FluentQueryByExample<>(queries, probeType, condition, sort, limit, projector, type);
    }

    @Override
    public FetchableFluentQuery<R> project(Collection<String> properties) {
        return this;
    }

    @Override
    public @Nullable R oneValue() {
        List<R> found = fetch(select().limit(2));
        if (found.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(1, found.size());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public @Nullable R firstValue() {
        List<R> found = fetch(select().limit(1));
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public List<R> all() {
        return fetch(select());
    }

    @Override
    public Page<R> page(Pageable pageable) {
        EntitySelect<?> select = EntityQueries.paged(queries.select(condition, sort.and(pageable.getSort())),
                pageable);
        return PageableExecutionUtils.getPage(fetch(select), pageable, this::count);
    }

    @Override
    public Stream<R> stream() {
        return all().stream();
    }

    @Override
    public long count() {
        return queries.count(condition);
    }

    @Override
    public boolean exists() {
        return !fetch(select().limit(1)).isEmpty();
    }

    private EntitySelect<?> select() {
        EntitySelect<?> select = queries.select(condition, sort);
        return limit > 0 ? select.limit(limit) : select;
    }

    private List<R> fetch(EntitySelect<?> select) {
        return queries.fetch(select).stream().map(found -> projector.project(probeType.cast(found), resultType))
                .toList();
    }
}
