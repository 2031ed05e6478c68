package io.mapper.spring.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import io.mapper.engine.ExecutionContext;
import io.mapper.engine.StatementListener;
import io.mapper.exception.DatabaseException;

/** Starts a {@code mapper.query} observation before each statement and stops it after, recording errors. */
public final class MapperObservationListener implements StatementListener {

    private static final String KEY = MapperObservationListener.class.getName();

    private final ObservationRegistry registry;
    private final MapperQueryObservationConvention defaultConvention;
    private final MapperQueryObservationConvention customConvention;

    /**
     * A listener reporting to {@code registry}; {@code customConvention} (may be null) overrides the default
     * names and tags.
     */
    public MapperObservationListener(ObservationRegistry registry, boolean includeSqlText,
            @org.jspecify.annotations.Nullable MapperQueryObservationConvention customConvention) {
        this.registry = registry;
        this.defaultConvention = new DefaultMapperQueryObservationConvention(includeSqlText);
        this.customConvention = customConvention;
    }

    @Override
    public void beforeExecute(ExecutionContext context) {
        Observation observation = Observation.createNotStarted(customConvention, defaultConvention,
                () -> new MapperQueryContext(context), registry).start();
        context.attributes().put(KEY, observation);
    }

    @Override
    public void afterExecute(ExecutionContext context, long elapsedNanos, long rowCount) {
        Object observation = context.attributes().remove(KEY);
        if (observation instanceof Observation started) {
            started.stop();
        }
    }

    @Override
    public void onError(ExecutionContext context, long elapsedNanos, DatabaseException error) {
        Object observation = context.attributes().remove(KEY);
        if (observation instanceof Observation started) {
            started.error(error);
            started.stop();
        }
    }
}
