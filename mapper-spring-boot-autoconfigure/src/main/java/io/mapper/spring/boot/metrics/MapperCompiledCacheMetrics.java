package io.mapper.spring.boot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.mapper.engine.Engine;

/**
 * The {@code mapper.compiled-cache} gauges: lookups of the engine's compiled-statement cache that found a compiled
 * statement ({@code result=hit}) and that had to compile one ({@code result=miss}), counted since start-up.
 */
public final class MapperCompiledCacheMetrics implements MeterBinder {

    /** The gauges' name. */
    public static final String NAME = "mapper.compiled-cache";

    private final Engine engine;

    public MapperCompiledCacheMetrics(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, engine, e -> e.compiledCacheStats().hits()).tag("result", "hit")
                .description("Compiled-statement cache lookups that reused a compiled statement")
                .register(registry);
        Gauge.builder(NAME, engine, e -> e.compiledCacheStats().misses()).tag("result", "miss")
                .description("Compiled-statement cache lookups that compiled the statement")
                .register(registry);
    }
}
