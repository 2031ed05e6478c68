package io.mapper.spring.boot.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

import io.mapper.engine.ExecutionContext;

/**
 * The observation context of one statement execution: what the convention turns into tags. A client call to the
 * database (a tracer makes its span of kind {@code CLIENT}); nothing is propagated, since a JDBC statement has no
 * headers to carry a trace.
 */
public final class MapperQueryContext extends SenderContext<Object> {

    private final ExecutionContext execution;
    private long returnedRows = -1;

    public MapperQueryContext(ExecutionContext execution) {
        super((carrier, key, value) -> {
        }, Kind.CLIENT);
        this.execution = execution;
    }

    /** What mapper knows about the execution: SQL, operation, statement kind, entity, dialect, target. */
    public ExecutionContext execution() {
        return execution;
    }

    /** The rows the caller read from a query, once it stopped reading; -1 while unknown or for other statements. */
    public long returnedRows() {
        return returnedRows;
    }

    void returnedRows(long rows) {
        this.returnedRows = rows;
    }
}
