package io.mapper.spring.data.repository.support;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.transaction.PlatformTransactionManager;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.spring.data.repository.query.EntityProjector;
import io.mapper.spring.data.repository.query.MapperEntityMetadata;

/**
 * Creates mapper repositories (Spring Data's {@link RepositoryFactorySupport}, as {@code JdbcRepositoryFactory} is
 * for JDBC): a {@link SimpleMapperRepository} over the transaction-bound {@link Session} as the base, queries found
 * by {@link MapperQueryLookupStrategy}, entity metadata from the {@link SessionFactory}'s mapping.
 */
public class MapperRepositoryFactory extends RepositoryFactorySupport {

    private final Session session;
    private final SessionFactory sessionFactory;
    private final Supplier<PlatformTransactionManager> transactionManager;
    private final Map<Class<?>, MapperEntityMetadata<?>> entities = new ConcurrentHashMap<>();

    /**
     * A factory over {@code session} (the transaction-bound session bean) and the mapping of {@code sessionFactory};
     * query methods called outside a transaction open one with {@code transactionManager}.
     */
    public MapperRepositoryFactory(Session session, SessionFactory sessionFactory,
            Supplier<PlatformTransactionManager> transactionManager) {
        this.session = Objects.requireNonNull(session, "session must not be null");
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory must not be null");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager must not be null");
    }

    @Override
    public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
        return new MapperEntityInformation<>(entity(metadata.getDomainType()));
    }

    @Override
    protected Object getTargetRepository(RepositoryInformation information) {
        return getTargetRepositoryViaReflection(information, session, entity(information.getDomainType()),
                new EntityProjector(getProjectionFactory()));
    }

    @Override
    protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
        return SimpleMapperRepository.class;
    }

    @Override
    protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.@Nullable Key key,
            ValueExpressionDelegate valueExpressionDelegate) {
        return Optional.of(new MapperQueryLookupStrategy(session, this::entity, transactionManager));
    }

    /** The mapping of {@code type}; a class the session factory does not map raises, naming the fix. */
    MapperEntityMetadata<?> entity(Class<?> type) {
        return entities.computeIfAbsent(type, this::describe);
    }

    private MapperEntityMetadata<?> describe(Class<?> type) {
        if (sessionFactory.registry().find(type).isEmpty()) {
            throw new ArgumentException("A repository of " + type.getName() + " needs it to be a mapped @Entity, "
                    + "but the SessionFactory does not map it. Annotate it with @Entity and put it in a package "
                    + "mapper scans (mapper.orm.packages-to-scan, or the application's packages).");
        }
        return new MapperEntityMetadata<>(sessionFactory.registry().mapper(type));
    }
}
