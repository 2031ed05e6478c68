package io.mapper.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;

import io.mapper.engine.Engine;
import io.mapper.spring.boot.metrics.MapperCompiledCacheMetrics;

/** Registers the {@code mapper.compiled-cache} gauges when the application has a {@link MeterRegistry}. */
@AutoConfiguration(after = MapperAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, Engine.class })
public final class MapperMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MapperCompiledCacheMetrics mapperCompiledCacheMetrics(Engine engine) {
        return new MapperCompiledCacheMetrics(engine);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "io.mapper.orm.SessionListener")
    io.mapper.spring.boot.metrics.MapperLazyLoadMetrics mapperLazyLoadMetrics(MeterRegistry registry) {
        return new io.mapper.spring.boot.metrics.MapperLazyLoadMetrics(registry);
    }
}
