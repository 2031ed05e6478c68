package io.mapper.spring.boot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.mapper.orm.Session;
import io.mapper.orm.SessionListener;

/**
 * The {@code mapper.lazy-loads} counter, tagged {@code mapper.entity} and {@code mapper.relationship}: every lazy
 * load is one extra query, so a growing count names the relationship behind an N+1 problem.
 */
public final class MapperLazyLoadMetrics implements SessionListener {

    /** The counter's name. */
    public static final String NAME = "mapper.lazy-loads";

    private final MeterRegistry registry;

    public MapperLazyLoadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void lazyLoad(Session session, String entityName, String relationship) {
        Counter.builder(NAME).tag("mapper.entity", entityName).tag("mapper.relationship", relationship)
                .description("Relationships loaded on first use (an N+1 signal)").register(registry).increment();
    }
}
