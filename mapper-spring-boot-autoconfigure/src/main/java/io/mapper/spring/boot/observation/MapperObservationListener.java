package io.mapper.spring.boot.observation;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import io.mapper.engine.ExecutionContext;
import io.mapper.engine.StatementListener;
import io.mapper.exception.DatabaseException;

/**
 * Starts an observation before each statement and stops it after, recording errors. With mapper's convention the
 * observation ends when the database answered; with OpenTelemetry's, a query's observation lasts until its caller
 * stopped reading rows (the call as its caller sees it, as OpenTelemetry asks), and reports how many it read.
 */
public final class MapperObservationListener implements StatementListener {

    private static final String KEY = MapperObservationListener.class.getName();

    private final ObservationRegistry registry;
    private final MapperQueryObservationConvention defaultConvention;
    private final @Nullable MapperQueryObservationConvention customConvention;
    private final boolean untilRowsRead;

    /**
     * A listener with mapper's own convention ({@code mapper.query}); {@code customConvention} (may be null)
     * overrides the names and tags.
     */
    public MapperObservationListener(ObservationRegistry registry, boolean includeSqlText,
            @Nullable MapperQueryObservationConvention customConvention) {
        this(registry, new DefaultMapperQueryObservationConvention(includeSqlText), customConvention, false);
    }

    /**
     * A listener with {@code defaultConvention}, overridden by {@code customConvention} (may be null); with
     * {@code untilRowsRead} a query's observation ends once its rows are read, with the count in its context.
     */
    public MapperObservationListener(ObservationRegistry registry, MapperQueryObservationConvention defaultConvention,
            @Nullable MapperQueryObservationConvention customConvention, boolean untilRowsRead) {
        this.registry = registry;
        this.defaultConvention = defaultConvention;
        this.customConvention = customConvention;
        this.untilRowsRead = untilRowsRead;
    }

    /** A listener following OpenTelemetry's database semantic conventions ({@code db.client.operation.duration}). */
    public static MapperObservationListener openTelemetry(ObservationRegistry registry, boolean includeSqlText,
            @Nullable MapperQueryObservationConvention customConvention) {
        return new MapperObservationListener(registry, new OpenTelemetryQueryObservationConvention(includeSqlText),
                customConvention, true);
    }

    @Override
    public void beforeExecute(ExecutionContext context) {
        Observation observation = Observation.createNotStarted(customConvention, defaultConvention,
                () -> new MapperQueryContext(context), registry).start();
        context.attributes().put(KEY, observation);
    }

    @Override
    public void afterExecute(ExecutionContext context, long elapsedNanos, long rowCount) {
        // A query whose rows are read later stays observed until afterRead.
        if (untilRowsRead && context.returnsRows()) {
            return;
        }
        Object observation = context.attributes().remove(KEY);
        if (observation instanceof Observation started) {
            started.stop();
        }
    }

    @Override
    public void afterRead(ExecutionContext context, long rowsRead) {
        Object observation = context.attributes().remove(KEY);
        if (observation instanceof Observation started) {
            if (started.getContext() instanceof MapperQueryContext query) {
                query.returnedRows(rowsRead);
            }
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
