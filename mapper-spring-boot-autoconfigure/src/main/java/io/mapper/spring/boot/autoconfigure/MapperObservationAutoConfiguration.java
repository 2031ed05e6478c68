package io.mapper.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.micrometer.observation.ObservationRegistry;

import io.mapper.engine.Engine;
import io.mapper.spring.boot.observation.MapperFlushObservationConvention;
import io.mapper.spring.boot.observation.MapperFlushObservationListener;
import io.mapper.spring.boot.observation.MapperObservationListener;
import io.mapper.spring.boot.observation.MapperQueryObservationConvention;

/**
 * Reports every statement as a {@code mapper.query} observation (or, with
 * {@code mapper.observations.convention=opentelemetry}, as OpenTelemetry's {@code db.client.operation.duration}) and
 * every session flush as a {@code mapper.flush} observation (timers once Actuator's metrics are present) when the
 * application has an {@link ObservationRegistry}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({Engine.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
@EnableConfigurationProperties(MapperProperties.class)
public final class MapperObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MapperObservationListener mapperObservationListener(ObservationRegistry registry, MapperProperties properties,
            ObjectProvider<MapperQueryObservationConvention> convention) {
        MapperProperties.Observations observations = properties.getObservations();
        return switch (observations.getConvention()) {
            case MAPPER -> new MapperObservationListener(registry, observations.isIncludeSqlText(),
                    convention.getIfAvailable());
            case OPENTELEMETRY -> MapperObservationListener.openTelemetry(registry, observations.isIncludeSqlText(),
                    convention.getIfAvailable());
        };
    }

    @Bean
    @ConditionalOnMissingBean
    MapperFlushObservationListener mapperFlushObservationListener(ObservationRegistry registry,
            ObjectProvider<MapperFlushObservationConvention> convention) {
        return new MapperFlushObservationListener(registry, convention.getIfAvailable());
    }
}
