package io.mapper.orm;

import java.util.Objects;

import io.mapper.sql.Condition;

/**
 * A global filter, SQLAlchemy's {@code with_loader_criteria} and Hibernate's {@code @Filter}: a condition on an
 * entity's columns added to every statement that loads its objects (entity and tuple queries, counts, {@code get}
 * misses, select-in and lazy relationship loads, ORM bulk writes). Registered on the factory with
 * {@link SessionFactory.Builder#filter}, enabled in every session; {@link Session#disableFilter} switches it off for a
 * session and {@link EntitySelect#withoutFilters} for one query. Immutable.
 *
 * @param name the name that switches it
 * @param entityType the entity it filters: that class, its subclasses, or every entity implementing an interface
 * @param condition the condition, over the entity's metamodel columns ({@code Document_.deleted.isFalse()})
 */
public record LoaderCriteria(String name, Class<?> entityType, Condition condition) {

    /** A filter; all parts required. */
    public LoaderCriteria {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(condition, "condition");
    }
}
