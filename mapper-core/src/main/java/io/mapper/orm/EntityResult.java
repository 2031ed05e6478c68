package io.mapper.orm;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.MultipleResultsException;
import io.mapper.exception.NoResultException;
import io.mapper.orm.loading.QueryOrigin;

/**
 * The objects an entity query returned, each once, in row order, with their relationships loaded as the query's
 * strategies say. The objects are tracked by the session. Immutable.
 *
 * @param <E> the entity class
 */
public final class EntityResult<E> implements Iterable<E> {

    private final List<E> entities;
    private final QueryOrigin query;

    /** Takes {@code entities}, a list no one else holds, as it is: a large result is not copied again. */
    EntityResult(List<E> entities, QueryOrigin query) {
        this.entities = java.util.Collections.unmodifiableList(entities);
        this.query = query;
    }

    /** All objects. */
    public List<E> all() {
        return entities;
    }

    /** The first object, or empty. */
    public Optional<E> first() {
        return entities.isEmpty() ? Optional.empty() : Optional.of(entities.get(0));
    }

    /** Exactly one object; raises for none or several. */
    public E one() {
        E entity = oneOrNull();
        if (entity == null) {
            throw new NoResultException("Expected exactly one object and found none. Use oneOrNull() or first() when"
                    + " none is a valid outcome. [" + query + "]");
        }
        return entity;
    }

    /** The only object, or null; raises for several. */
    public @Nullable E oneOrNull() {
        if (entities.size() > 1) {
            throw new MultipleResultsException("Expected at most one object and found " + entities.size()
                    + ". Narrow the query, or use first() or all(). [" + query + "]");
        }
        return entities.isEmpty() ? null : entities.get(0);
    }

    /** How many objects. */
    public int size() {
        return entities.size();
    }

    /** The objects as a stream. */
    public Stream<E> stream() {
        return entities.stream();
    }

    @Override
    public Iterator<E> iterator() {
        return entities.iterator();
    }
}
