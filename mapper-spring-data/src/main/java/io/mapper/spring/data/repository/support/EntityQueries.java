package io.mapper.spring.data.repository.support;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;

import io.mapper.orm.EntitySelect;
import io.mapper.orm.SessionOperations;
import io.mapper.sql.Condition;
import io.mapper.spring.data.repository.query.MapperEntityMetadata;

/**
 * Runs the entity selects of a repository in its session: filtered by an optional condition, sorted (each property
 * checked against the mapping), paged with LIMIT/OFFSET, and counted with the same WHERE for a {@link Page}'s total.
 *
 * @param <T> the entity class
 */
final class EntityQueries<T> {

    private final SessionOperations session;
    private final MapperEntityMetadata<T> entity;

    EntityQueries(SessionOperations session, MapperEntityMetadata<T> entity) {
        this.session = session;
        this.entity = entity;
    }

    /** The entity select with this condition (none: every row) and order. */
    EntitySelect<T> select(@Nullable Condition condition, Sort sort) {
        return entity.select(condition, sort);
    }

    List<T> fetch(EntitySelect<?> select) {
        @SuppressWarnings("unchecked")
        EntitySelect<T> typed = (EntitySelect<T>) select;
        return session.scalars(typed).all();
    }

    List<T> list(@Nullable Condition condition, Sort sort) {
        return session.scalars(select(condition, sort)).all();
    }

    /** One page: the pageable's sort, LIMIT and OFFSET; the COUNT runs only when the page cannot tell the total. */
    Page<T> page(@Nullable Condition condition, Pageable pageable) {
        EntitySelect<T> select = paged(select(condition, pageable.getSort()), pageable);
        List<T> content = session.scalars(select).all();
        return PageableExecutionUtils.getPage(content, pageable, () -> count(condition));
    }

    long count(@Nullable Condition condition) {
        return entity.count(session, condition);
    }

    static <E> EntitySelect<E> paged(EntitySelect<E> select, Pageable pageable) {
        if (pageable.isUnpaged()) {
            return select;
        }
        return select.offset(Math.toIntExact(pageable.getOffset())).limit(pageable.getPageSize());
    }
}
