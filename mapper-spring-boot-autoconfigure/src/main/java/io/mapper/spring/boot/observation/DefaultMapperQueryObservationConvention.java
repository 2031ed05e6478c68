package io.mapper.spring.boot.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.mapper.engine.ExecutionContext;

/**
 * The default tags of {@code mapper.query}, a contract listed in DESIGN.md: low cardinality {@code db.system.name},
 * {@code db.operation.name}, {@code mapper.statement.kind}, {@code mapper.entity}, {@code mapper.route} ({@code primary}
 * or the replica's name; see {@code ReplicaSet}) (Micrometer's meter handler adds
 * {@code error}); the SQL text only as a high-cardinality attribute, and only when enabled.
 */
public class DefaultMapperQueryObservationConvention implements MapperQueryObservationConvention {

    /** The observation's name, which becomes the timer's name. */
    public static final String NAME = "mapper.query";

    private final boolean includeSqlText;

    public DefaultMapperQueryObservationConvention(boolean includeSqlText) {
        this.includeSqlText = includeSqlText;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(MapperQueryContext context) {
        return "mapper " + context.execution().operation().tagValue();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(MapperQueryContext context) {
        ExecutionContext execution = context.execution();
        String entity = execution.entityName();
        return KeyValues.of(
                KeyValue.of("db.system.name", execution.dialectName()),
                KeyValue.of("db.operation.name", execution.operation().tagValue()),
                KeyValue.of("mapper.statement.kind", execution.kind().tagValue()),
                KeyValue.of("mapper.entity", entity == null ? "none" : entity),
                KeyValue.of("mapper.route", execution.route()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(MapperQueryContext context) {
        ExecutionContext execution = context.execution();
        KeyValues values = KeyValues.of(KeyValue.of("mapper.batch.size", Integer.toString(execution.batchSize())));
        return includeSqlText ? values.and(KeyValue.of("db.query.text", execution.sql())) : values;
    }
}
