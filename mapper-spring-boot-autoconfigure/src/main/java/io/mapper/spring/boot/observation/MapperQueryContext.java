package io.mapper.spring.boot.observation;

import io.micrometer.observation.Observation;

import io.mapper.engine.ExecutionContext;

/** The observation context of one statement execution: what the convention turns into tags. */
public final class MapperQueryContext extends Observation.Context {

    private final ExecutionContext execution;

    public MapperQueryContext(ExecutionContext execution) {
        this.execution = execution;
    }

    /** What mapper knows about the execution: SQL, operation, statement kind, entity, dialect. */
    public ExecutionContext execution() {
        return execution;
    }
}
