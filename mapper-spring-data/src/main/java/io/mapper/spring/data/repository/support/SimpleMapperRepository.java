package io.mapper.spring.data.repository.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

import io.mapper.orm.EntityState;
import io.mapper.orm.Session;
import io.mapper.spring.data.repository.MapperRepository;
import io.mapper.spring.data.repository.query.EntityProjector;
import io.mapper.spring.data.repository.query.MapperEntityMetadata;

/**
 * The implementation behind every mapper repository: CRUD, paging and sorting and Query by Example over the
 * transaction-bound {@link Session}. Reads run in a read-only transaction and writes in a read-write one (as Spring
 * Data JDBC's {@code SimpleJdbcRepository} does), joining the caller's transaction when there is one. Thread-safe:
 * every call goes to the session of the current transaction.
 *
 * <p>{@code save} adds a new object (no primary key yet) and flushes, so its generated key is set when it returns;
 * it merges a detached one (a key, but not in this session) and returns the session's instance; an object the
 * session already tracks is written at the next flush. Deletes go through the session, so cascades and
 * {@code @BeforeDelete} callbacks run.
 *
 * @param <T> the entity class
 * @param <ID> the type of its primary key
 */
@Transactional(readOnly = true)
public class SimpleMapperRepository<T, ID> implements MapperRepository<T, ID> {

    private final Session session;
    private final MapperEntityMetadata<T> entity;
    private final EntityQueries<T> queries;
    private final EntityProjector projector;

    /** A repository of {@code entity} over {@code session} (the transaction-bound session bean). */
    public SimpleMapperRepository(Session session, MapperEntityMetadata<T> entity, EntityProjector projector) {
        this.session = Objects.requireNonNull(session, "session must not be null");
        this.entity = Objects.requireNonNull(entity, "entity must not be null");
        this.projector = Objects.requireNonNull(projector, "projector must not be null");
        this.queries = new EntityQueries<>(session, entity);
    }

    @Override
    @Transactional
    public <S extends T> S save(S object) {
        Assert.notNull(object, "Entity must not be null");
        S saved = store(object);
        session.flush();
        return saved;
    }

    @Override
    @Transactional
    public <S extends T> List<S> saveAll(Iterable<S> objects) {
        Assert.notNull(objects, "Entities must not be null");
        List<S> saved = new ArrayList<>();
        for (S object : objects) {
            saved.add(store(object));
        }
        session.flush();   // one flush: the INSERTs of the new objects are batched
        return saved;
    }

    private <S extends T> S store(S object) {
        return switch (session.state(object)) {
            case TRANSIENT -> {
                session.add(object);
                yield object;
            }
            case DETACHED -> session.merge(object);
            case PENDING, PERSISTENT -> object;
            case DELETED -> throw new InvalidDataAccessApiUsageException("Cannot save "
                    + entity.entityName() + " " + entity.idOf(object) + ": it was deleted in this transaction.");
        };
    }

    @Override
    public Optional<T> findById(ID id) {
        Assert.notNull(id, "The given id must not be null");
        return Optional.ofNullable(session.get(entity.getJavaType(), id));
    }

    @Override
    public boolean existsById(ID id) {
        Assert.notNull(id, "The given id must not be null");
        return queries.count(entity.idProperty().column().eq(id)) > 0;
    }

    @Override
    public List<T> findAll() {
        return queries.list(null, Sort.unsorted());
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        Assert.notNull(ids, "The given Iterable of ids must not be null");
        List<Object> keys = new ArrayList<>();
        ids.forEach(keys::add);
        return keys.isEmpty() ? List.of() : queries.list(entity.idProperty().column().in(keys), Sort.unsorted());
    }

    @Override
    public long count() {
        return queries.count(null);
    }

    @Override
    @Transactional
    public void deleteById(ID id) {
        Assert.notNull(id, "The given id must not be null");
        T found = session.get(entity.getJavaType(), id);
        if (found != null) {
            session.delete(found);
        }
    }

    @Override
    @Transactional
    public void delete(T object) {
        Assert.notNull(object, "Entity must not be null");
        EntityState state = session.state(object);
        if (state == EntityState.PERSISTENT || state == EntityState.PENDING) {
            session.delete(object);
        } else if (state == EntityState.DETACHED) {
            Object id = entity.idOf(object);
            T current = id == null ? null : session.get(entity.getJavaType(), id);
            if (current != null) {
                session.delete(current);
            }
        }
    }

    @Override
    @Transactional
    public void deleteAllById(Iterable<? extends ID> ids) {
        Assert.notNull(ids, "Ids must not be null");
        ids.forEach(this::deleteById);
    }

    @Override
    @Transactional
    public void deleteAll(Iterable<? extends T> objects) {
        Assert.notNull(objects, "Entities must not be null");
        objects.forEach(this::delete);
    }

    @Override
    @Transactional
    public void deleteAll() {
        findAll().forEach(session::delete);
    }

    @Override
    public List<T> findAll(Sort sort) {
        Assert.notNull(sort, "Sort must not be null");
        return queries.list(null, sort);
    }

    @Override
    public Page<T> findAll(Pageable pageable) {
        Assert.notNull(pageable, "Pageable must not be null");
        return queries.page(null, pageable);
    }

    @Override
    public <S extends T> Optional<S> findOne(Example<S> example) {
        List<S> found = cast(example, queries.list(ExampleConditions.of(example, entity), Sort.unsorted()));
        if (found.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(1, found.size());
        }
        return found.stream().findFirst();
    }

    @Override
    public <S extends T> List<S> findAll(Example<S> example) {
        return cast(example, queries.list(ExampleConditions.of(example, entity), Sort.unsorted()));
    }

    @Override
    public <S extends T> List<S> findAll(Example<S> example, Sort sort) {
        return cast(example, queries.list(ExampleConditions.of(example, entity), sort));
    }

    @Override
    public <S extends T> Page<S> findAll(Example<S> example, Pageable pageable) {
        return queries.page(ExampleConditions.of(example, entity), pageable).map(found -> cast(example, found));
    }

    @Override
    public <S extends T> long count(Example<S> example) {
        return queries.count(ExampleConditions.of(example, entity));
    }

    @Override
    public <S extends T> boolean exists(Example<S> example) {
        return count(example) > 0;
    }

    @Override
    public <S extends T, R> R findBy(Example<S> example,
            Function<FluentQuery.FetchableFluentQuery<S>, R> queryFunction) {
        Assert.notNull(queryFunction, "Query function must not be null");
        return queryFunction.apply(new FluentQueryByExample<>(queries, example.getProbeType(),
                ExampleConditions.of(example, entity), Sort.unsorted(), 0, projector, example.getProbeType()));
    }

    private static <S> List<S> cast(Example<S> example, List<?> found) {
        return found.stream().map(example.getProbeType()::cast).toList();
    }

    private static <S> S cast(Example<S> example, Object found) {
        return example.getProbeType().cast(found);
    }

    /** The session the repository works in (the transaction-bound session bean). */
    protected Session session() {
        return session;
    }

    /** The entity's mapping, for subclasses. */
    protected MapperEntityMetadata<T> entity() {
        return entity;
    }

    @Override
    public String toString() {
        return "SimpleMapperRepository[" + entity.entityName() + "]";
    }
}
