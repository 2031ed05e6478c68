package io.mapper.spring.boot.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

import io.mapper.engine.Engine;
import io.mapper.engine.StatementListener;
import io.mapper.spring.boot.MapperExceptionTranslator;
import io.mapper.spring.boot.SpringConnectionProvider;

/**
 * Auto-configures a mapper {@link Engine} over the application's single {@link DataSource} (Hikari by default),
 * getting connections through {@code DataSourceUtils} so that mapper joins Spring transactions, and a
 * {@link MapperExceptionTranslator}. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = "io.mapper.spring.boot.autoconfigure.MapperObservationAutoConfiguration")
@ConditionalOnClass(Engine.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(MapperProperties.class)
public final class MapperAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Engine mapperEngine(DataSource dataSource, MapperProperties properties,
            ObjectProvider<EngineCustomizer> customizers, ObjectProvider<StatementListener> listeners) {
        Engine.Builder builder = Engine.builder(new SpringConnectionProvider(dataSource))
                .showSql(properties.isShowSql())
                .logParameters(properties.isLogParameters())
                .fetchSize(properties.getFetchSize())
                .compiledCacheSize(properties.getCompiledCacheSize())
                .batchSize(properties.getBatchSize());
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    MapperExceptionTranslator mapperExceptionTranslator(DataSource dataSource) {
        return new MapperExceptionTranslator(dataSource);
    }

    /** Keeps a transient failure visible when Spring's rollback on the dead connection fails too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcTransactionManager.class, TransactionManagerCustomizer.class})
    static final class RollbackFailureConfiguration {

        @Bean
        RollbackFailureCustomizer mapperRollbackFailureCustomizer(DataSource dataSource) {
            return new RollbackFailureCustomizer(dataSource);
        }
    }
}
