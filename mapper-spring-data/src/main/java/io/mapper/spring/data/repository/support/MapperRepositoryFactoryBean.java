package io.mapper.spring.data.repository.support;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.core.support.TransactionalRepositoryFactoryBeanSupport;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;

import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;

/**
 * The Spring factory bean of one mapper repository: resolves the transaction-bound {@link Session} and the
 * {@link SessionFactory} (the beans of these types unless set) and makes the repository's methods transactional with
 * the configured transaction manager, as {@code JdbcRepositoryFactoryBean} does.
 *
 * @param <T> the repository interface
 * @param <S> the entity class
 * @param <ID> the type of its primary key
 */
public class MapperRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
        extends TransactionalRepositoryFactoryBeanSupport<T, S, ID> {

    private @Nullable BeanFactory beanFactory;
    private @Nullable Session session;
    private @Nullable SessionFactory sessionFactory;
    private String transactionManagerName = "transactionManager";

    /** The factory bean of {@code repositoryInterface}. */
    public MapperRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
        super(repositoryInterface);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        super.setBeanFactory(beanFactory);
        this.beanFactory = beanFactory;
    }

    /** The session repositories work in: a transaction-bound one, such as the Spring Boot starter's bean. */
    public void setSession(Session session) {
        this.session = session;
    }

    /** The session factory whose mapping describes the entities. */
    public void setSessionFactory(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void setTransactionManager(String transactionManager) {
        super.setTransactionManager(transactionManager);
        this.transactionManagerName = transactionManager;
    }

    @Override
    protected RepositoryFactorySupport doCreateRepositoryFactory() {
        Assert.state(session != null, "No Session set for the mapper repository");
        Assert.state(sessionFactory != null, "No SessionFactory set for the mapper repository");
        BeanFactory factory = beanFactory;
        Assert.state(factory != null, "No BeanFactory set for the mapper repository");
        String name = transactionManagerName;
        return new MapperRepositoryFactory(session, sessionFactory,
                () -> factory.getBean(name, PlatformTransactionManager.class));
    }

    @Override
    public void afterPropertiesSet() {
        if (beanFactory != null) {
            if (session == null) {
                session = beanFactory.getBean(Session.class);
            }
            if (sessionFactory == null) {
                sessionFactory = beanFactory.getBean(SessionFactory.class);
            }
        }
        super.afterPropertiesSet();
    }
}
