package io.mapper.spring.data.repository.query;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.ReturnedType;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.transaction.PlatformTransactionManager;

import io.mapper.orm.EntitySelect;
import io.mapper.orm.Session;
import io.mapper.sql.Condition;

/**
 * A query derived from its method name (Spring Data's {@link PartTree}: {@code findByEmailIgnoreCase},
 * {@code countByActiveTrue}, {@code findTop3ByCountryOrderByNameDesc}) and compiled to a mapper entity select over
 * the entity's mapped properties; checked when the repository is created, so a misspelt property stops start-up
 * with a message naming the method and the property. Returns lists, single objects, {@code Optional}s, streams,
 * {@code Page}s and {@code Slice}s, projected into records or interfaces; {@code countBy}, {@code existsBy} and
 * {@code deleteBy} (which deletes through the session, so cascades and callbacks run) too.
 */
public final class PartTreeMapperQuery extends AbstractMapperQuery {

    private final MapperEntityMetadata<?> entity;
    private final PartTree tree;
    private final EntityProjector projector;

    /** The derived query of {@code method} over {@code entity}; raises when the name does not fit the mapping. */
    public PartTreeMapperQuery(MapperQueryMethod method, MapperEntityMetadata<?> entity, Session session,
            EntityProjector projector, Supplier<PlatformTransactionManager> transactionManager) {
        super(method, session, transactionManager);
        this.entity = entity;
        this.projector = projector;
        try {
            this.tree = new PartTree(method.getName(), entity.getJavaType());
        } catch (PropertyReferenceException unknown) {
            throw new InvalidDataAccessApiUsageException("Repository method " + method.describe() + " refers to '"
                    + unknown.getPropertyName() + "', which is not a mapped property of " + entity.entityName()
                    + "; its properties are " + MapperQueryCreator.propertyNames(entity.mapper())
                    + ". Rename the method or use @Query.", unknown);
        }
        MapperQueryCreator.validate(tree, method, entity);
        if (tree.isDelete() && !method.isCollectionQuery() && method.getReturnedObjectType() != void.class
                && !isCount(method.getReturnedObjectType())) {
            throw new InvalidDataAccessApiUsageException("Repository method " + method.describe()
                    + " deletes: let it return void, long (the number deleted) or a List of the deleted objects.");
        }
    }

    private static boolean isCount(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class;
    }

    @Override
    boolean writes() {
        return tree.isDelete();
    }

    @Override
    @Nullable Object doExecute(@Nullable Object[] parameters) {
        MapperQueryMethod method = getQueryMethod();
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
        Condition where = MapperQueryCreator.where(tree, entity, accessor.iterator());
        if (tree.isCountProjection()) {
            return count(where);
        }
        if (tree.isExistsProjection()) {
            return !session().scalars(select(where, Sort.unsorted()).limit(1)).all().isEmpty();
        }
        if (tree.isDelete()) {
            return delete(where, method);
        }
        ReturnedType returned = method.getResultProcessor().withDynamicProjection(accessor).getReturnedType();
        Pageable pageable = accessor.getPageable();
        Sort sort = tree.getSort().and(accessor.getSort());
        if (method.isPageQuery()) {
            List<Object> content = fetch(limited(select(where, sort), pageable, accessor.getLimit()), returned);
            return PageableExecutionUtils.getPage(content, pageable, () -> count(where));
        }
        if (method.isSliceQuery()) {
            EntitySelect<?> select = select(where, sort);
            if (pageable.isPaged()) {   // one row more than the page tells whether a next slice exists
                select = select.offset(Math.toIntExact(pageable.getOffset())).limit(pageable.getPageSize() + 1);
            }
            List<Object> content = fetch(select, returned);
            boolean hasNext = pageable.isPaged() && content.size() > pageable.getPageSize();
            return new SliceImpl<>(hasNext ? content.subList(0, pageable.getPageSize()) : content, pageable, hasNext);
        }
        List<Object> found = fetch(limited(select(where, sort), pageable, accessor.getLimit()), returned);
        if (method.isCollectionQuery()) {
            return found;
        }
        if (method.isStreamQuery()) {
            return found.stream();
        }
        return single(found);
    }

    private EntitySelect<?> select(@Nullable Condition where, Sort sort) {
        return entity.select(where, sort);
    }

    /** Applies the pageable's LIMIT/OFFSET, then {@code Top}/{@code First} and a {@code Limit} argument. */
    private EntitySelect<?> limited(EntitySelect<?> select, Pageable pageable, Limit limit) {
        EntitySelect<?> result = select;
        Integer max = tree.getMaxResults();
        if (pageable.isPaged()) {
            int size = max == null ? pageable.getPageSize() : Math.min(max, pageable.getPageSize());
            result = result.offset(Math.toIntExact(pageable.getOffset())).limit(size);
        } else if (max != null) {
            result = result.limit(max);
        }
        if (limit.isLimited()) {
            result = result.limit(max == null ? limit.max() : Math.min(max, limit.max()));
        }
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Object> fetch(EntitySelect<?> select, ReturnedType returned) {
        List<?> found = session().scalars((EntitySelect) select).all();
        if (!returned.isProjecting()) {
            return (List<Object>) found;
        }
        return found.stream().map(object -> projector.project(object, returned)).toList();
    }

    private long count(@Nullable Condition where) {
        return entity.count(session(), where);
    }

    private Object delete(@Nullable Condition where, MapperQueryMethod method) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Object> found = session().scalars((EntitySelect) select(where, Sort.unsorted())).all();
        found.forEach(session()::delete);
        session().flush();
        Class<?> type = method.getReturnedObjectType();
        if (method.isCollectionQuery()) {
            return found;
        }
        if (type == int.class || type == Integer.class) {
            return found.size();
        }
        return type == void.class ? null : (Object) (long) found.size();
    }
}
