package io.mapper.spring.data.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Import;

import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.spring.boot.autoconfigure.MapperOrmAutoConfiguration;
import io.mapper.spring.data.repository.MapperRepository;
import io.mapper.spring.data.repository.config.EnableMapperRepositories;
import io.mapper.spring.data.repository.support.MapperRepositoryFactoryBean;

/**
 * Auto-configures mapper repositories, as Boot's {@code DataJdbcRepositoriesAutoConfiguration} does for JDBC: when
 * the ORM is configured (a {@code SessionFactory} and the transaction-bound {@code Session}), every repository
 * interface in the application's auto-configuration packages becomes a bean. Backs off when the application uses
 * {@link EnableMapperRepositories} itself, and with {@code mapper.repositories.enabled=false}.
 */
@AutoConfiguration(after = MapperOrmAutoConfiguration.class)
@ConditionalOnClass(MapperRepository.class)
@ConditionalOnBean({SessionFactory.class, Session.class})
@ConditionalOnMissingBean(MapperRepositoryFactoryBean.class)
@ConditionalOnBooleanProperty(name = "mapper.repositories.enabled", matchIfMissing = true)
@Import(MapperRepositoriesRegistrar.class)
public final class MapperRepositoriesAutoConfiguration {
}
