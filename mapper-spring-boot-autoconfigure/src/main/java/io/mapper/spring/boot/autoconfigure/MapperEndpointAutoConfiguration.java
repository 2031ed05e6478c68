package io.mapper.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.mapper.engine.Engine;
import io.mapper.orm.SessionFactory;
import io.mapper.spring.boot.actuate.MapperEndpoint;

/** Adds the {@code mapper} Actuator endpoint when Actuator is present and the endpoint is enabled and exposed. */
@AutoConfiguration(after = { MapperAutoConfiguration.class, MapperOrmAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(Engine.class)
@ConditionalOnAvailableEndpoint(MapperEndpoint.class)
public final class MapperEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MapperEndpoint mapperEndpoint(Engine engine, ObjectProvider<SessionFactory> sessionFactory) {
        return new MapperEndpoint(engine, sessionFactory.getIfAvailable());
    }
}
