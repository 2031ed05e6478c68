package io.mapper.spring.data.repository.support;

import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.transaction.PlatformTransactionManager;

import io.mapper.orm.Session;
import io.mapper.spring.data.repository.query.EntityProjector;
import io.mapper.spring.data.repository.query.MapperEntityMetadata;
import io.mapper.spring.data.repository.query.MapperQueryMethod;
import io.mapper.spring.data.repository.query.PartTreeMapperQuery;
import io.mapper.spring.data.repository.query.StringBasedMapperQuery;

/**
 * Finds the query of a repository method, as {@code CREATE_IF_NOT_FOUND} does: its {@code @Query} SQL when it has
 * one, else a query derived from its name. Both are built (and checked against the mapping) at start-up.
 */
final class MapperQueryLookupStrategy implements QueryLookupStrategy {

    private final Session session;
    private final Function<Class<?>, MapperEntityMetadata<?>> entities;
    private final Supplier<PlatformTransactionManager> transactionManager;

    MapperQueryLookupStrategy(Session session, Function<Class<?>, MapperEntityMetadata<?>> entities,
            Supplier<PlatformTransactionManager> transactionManager) {
        this.session = session;
        this.entities = entities;
        this.transactionManager = transactionManager;
    }

    @Override
    public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
            NamedQueries namedQueries) {
        MapperQueryMethod queryMethod = new MapperQueryMethod(method, metadata, factory);
        MapperEntityMetadata<?> entity = entities.apply(metadata.getDomainType());
        EntityProjector projector = new EntityProjector(factory);
        String sql = queryMethod.declaredQuery();
        return sql != null
                ? new StringBasedMapperQuery(queryMethod, sql, entity, session, projector, transactionManager)
                : new PartTreeMapperQuery(queryMethod, entity, session, projector, transactionManager);
    }
}
