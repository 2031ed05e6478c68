package io.mapper.spring.data.repository.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.core.EntityMetadata;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.EntitySelect;
import io.mapper.orm.Orm;
import io.mapper.orm.Query;
import io.mapper.orm.SessionOperations;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.OrderByElement;
import io.mapper.sql.Sql;

/**
 * What a repository knows of its entity's mapping: its class, its single primary-key property, and its mapped
 * properties by name, through which sort orders and query conditions are resolved (a name that is not a mapped
 * property raises; names never reach SQL text). Immutable and thread-safe.
 *
 * @param <T> the entity class
 */
public final class MapperEntityMetadata<T> implements EntityMetadata<T> {

    private final Mapper<T> mapper;
    private final PropertyMapping id;

    /** The metadata of {@code mapper}'s entity; an entity whose key spans several columns is refused. */
    public MapperEntityMetadata(Mapper<T> mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
        List<PropertyMapping> key = mapper.primaryKey();
        if (key.size() != 1) {
            throw new ArgumentException("Repositories need an entity with a single-column primary key; "
                    + mapper.entityName() + " has " + key.stream().map(PropertyMapping::path).toList()
                    + ". Use the Session (or a custom repository fragment) for this entity.");
        }
        this.id = key.get(0);
    }

    @Override
    public Class<T> getJavaType() {
        return mapper.entityType();
    }

    /** The entity's name ({@code @Entity(name = ...)}, else the simple class name). */
    public String entityName() {
        return mapper.entityName();
    }

    /** The entity's mapping. */
    public Mapper<T> mapper() {
        return mapper;
    }

    /** The primary-key property. */
    public PropertyMapping idProperty() {
        return id;
    }

    /** The primary-key value of {@code entity}, or null before one is assigned. */
    public @Nullable Object idOf(T entity) {
        return mapper.value(entity, id);
    }

    /** Whether {@code path} is a mapped property (a column of the entity's table). */
    public boolean hasProperty(String path) {
        try {
            mapper.property(path);
            return true;
        } catch (ArgumentException unknown) {
            return false;
        }
    }

    /**
     * The column of the mapped property at {@code path} ({@code name}, {@code address.city}); an unknown path raises
     * an {@link InvalidDataAccessApiUsageException} that names {@code purpose} and lists the mapped properties.
     */
    public Expression<?> column(String path, String purpose) {
        try {
            return mapper.property(path).column();
        } catch (ArgumentException unknown) {
            throw new InvalidDataAccessApiUsageException("Cannot " + purpose + ": " + unknown.getMessage()
                    + " Use one of the mapped properties.", unknown);
        }
    }

    /** The entity select with this condition (none: every row) and order, each sort property checked. */
    public EntitySelect<T> select(@Nullable Condition where, Sort sort) {
        EntitySelect<T> select = Orm.select(getJavaType());
        if (where != null) {
            select = select.where(where);
        }
        return sort.isSorted() ? select.orderBy(orderBy(sort)) : select;
    }

    /** How many rows match {@code where} (all rows when null): a {@code SELECT count(*)} in {@code session}. */
    public long count(SessionOperations session, @Nullable Condition where) {
        Query<T> query = session.query(getJavaType());
        return (where == null ? query : query.filter(where)).count();
    }

    /** The ORDER BY items of {@code sort}, each property checked against the mapping. */
    public ClauseElement[] orderBy(Sort sort) {
        List<ClauseElement> items = new ArrayList<>();
        for (Sort.Order order : sort) {
            Expression<?> column = column(order.getProperty(), "sort " + mapper.entityName() + " by '"
                    + order.getProperty() + "'");
            @SuppressWarnings("unchecked")
            Expression<?> key = order.isIgnoreCase() ? Sql.lower((Expression<String>) column) : column;
            OrderByElement item = order.isAscending() ? key.asc() : key.desc();
            items.add(switch (order.getNullHandling()) {
                case NULLS_FIRST -> item.nullsFirst();
                case NULLS_LAST -> item.nullsLast();
                case NATIVE -> item;
            });
        }
        return items.toArray(ClauseElement[]::new);
    }
}
