package io.mapper.spring.boot.observation;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import io.mapper.orm.Session;
import io.mapper.orm.SessionListener;

/**
 * Reports every session flush as a {@code mapper.flush} observation, with the statements of the flush as its children
 * in a trace. A flush runs on one thread from start to end, so the flush in progress is kept per thread.
 */
public final class MapperFlushObservationListener implements SessionListener {

    private record Running(Observation observation, Observation.Scope scope, MapperFlushContext context) {
    }

    private final ObservationRegistry registry;
    private final MapperFlushObservationConvention defaultConvention = new DefaultMapperFlushObservationConvention();
    private final @Nullable MapperFlushObservationConvention customConvention;
    private final ThreadLocal<@Nullable Running> running = new ThreadLocal<>();

    /** A listener reporting to {@code registry}; {@code customConvention} (may be null) overrides names and tags. */
    public MapperFlushObservationListener(ObservationRegistry registry,
            @Nullable MapperFlushObservationConvention customConvention) {
        this.registry = registry;
        this.customConvention = customConvention;
    }

    @Override
    public void beforeFlush(Session session) {
        MapperFlushContext context = new MapperFlushContext();
        Observation observation = Observation.createNotStarted(customConvention, defaultConvention, () -> context,
                registry).start();
        running.set(new Running(observation, observation.openScope(), context));
    }

    @Override
    public void afterInsert(Object entity) {
        Running current = running.get();
        if (current != null) {
            current.context().countInsert();
        }
    }

    @Override
    public void afterUpdate(Object entity) {
        Running current = running.get();
        if (current != null) {
            current.context().countUpdate();
        }
    }

    @Override
    public void afterDelete(Object entity) {
        Running current = running.get();
        if (current != null) {
            current.context().countDelete();
        }
    }

    @Override
    public void afterFlush(Session session) {
        end(null);
    }

    @Override
    public void flushFailed(Session session, RuntimeException error) {
        end(error);
    }

    private void end(@Nullable RuntimeException error) {
        Running current = running.get();
        running.remove();
        if (current == null) {
            return;
        }
        current.scope().close();
        if (error != null) {
            current.observation().error(error);
        }
        current.observation().stop();
    }
}
