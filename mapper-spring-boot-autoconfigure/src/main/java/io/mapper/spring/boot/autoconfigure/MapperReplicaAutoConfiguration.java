package io.mapper.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.zaxxer.hikari.HikariDataSource;

import io.mapper.engine.Engine;
import io.mapper.spring.boot.ReplicaRoutingDataSource;

/**
 * Read replicas from {@code mapper.replicas[*]}: wraps the application's {@code DataSource} in a
 * {@link ReplicaRoutingDataSource}, so that {@code @Transactional(readOnly = true)} work (mapper, {@code JdbcTemplate})
 * runs on a healthy replica and everything else on the primary. Off unless a replica URL is configured.
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, MapperAutoConfiguration.class})
@ConditionalOnClass({Engine.class, LazyConnectionDataSourceProxy.class, HikariDataSource.class})
@ConditionalOnProperty("mapper.replicas[0].url")
@EnableConfigurationProperties(MapperReplicaProperties.class)
public final class MapperReplicaAutoConfiguration {

    @Bean
    static ReplicaDataSourcePostProcessor mapperReplicaDataSourcePostProcessor(Environment environment) {
        return new ReplicaDataSourcePostProcessor(environment);
    }
}
