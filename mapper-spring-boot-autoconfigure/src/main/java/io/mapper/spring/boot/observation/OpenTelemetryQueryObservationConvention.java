package io.mapper.spring.boot.observation;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.mapper.dialect.DatabaseTarget;
import io.mapper.engine.ExecutionContext;
import io.mapper.exception.DatabaseException;
import io.mapper.sql.Operation;
import io.mapper.sql.StatementKind;

/**
 * Statement observations named and tagged as OpenTelemetry's database semantic conventions say (the stable client
 * span and the {@code db.client.operation.duration} metric), so dashboards built for them work with mapper.
 *
 * <p>Low cardinality (metric tags and span attributes), each only when known: {@code db.system.name}
 * ({@code h2database}, {@code sqlite}, {@code postgresql}, {@code mariadb}, {@code mysql}), {@code db.namespace},
 * {@code server.address}, {@code server.port} (only when not the database's default), {@code db.operation.name}
 * ({@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code BATCH INSERT} ...; only for statements
 * built with the Core or the ORM, never read from SQL text), {@code db.collection.name} (the table an INSERT, UPDATE
 * or DELETE writes), {@code db.query.summary}, and for a failed statement {@code db.response.status_code} and
 * {@code error.type}. High cardinality (span attributes only): {@code db.operation.batch.size} (a JDBC batch of two
 * or more parameter sets), {@code db.response.returned_rows} (the rows a query's caller read) and, when enabled,
 * {@code db.query.text}.
 */
public class OpenTelemetryQueryObservationConvention implements MapperQueryObservationConvention {

    /** The observation's name, OpenTelemetry's metric name; the timer gets it. */
    public static final String NAME = "db.client.operation.duration";

    /** OpenTelemetry's {@code db.system.name} for each of mapper's dialect names. */
    private static final Map<String, String> SYSTEM_NAMES = Map.of("h2", "h2database", "sqlite", "sqlite",
            "postgresql", "postgresql", "mariadb", "mariadb", "mysql", "mysql");

    private final boolean includeSqlText;

    /** A convention that adds {@code db.query.text} when {@code includeSqlText} is set. */
    public OpenTelemetryQueryObservationConvention(boolean includeSqlText) {
        this.includeSqlText = includeSqlText;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The span name: the query summary, else {@code {db.operation.name} {target}}, else {@code db.system.name}. */
    @Override
    public String getContextualName(MapperQueryContext context) {
        ExecutionContext execution = context.execution();
        String summary = querySummary(execution);
        if (!summary.isEmpty()) {
            return summary;
        }
        String operation = operationName(execution);
        String target = execution.collectionName() != null ? execution.collectionName()
                : execution.target().namespace();
        if (operation != null) {
            return target == null ? operation : operation + " " + target;
        }
        return target != null ? target : systemName(execution);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(MapperQueryContext context) {
        ExecutionContext execution = context.execution();
        DatabaseTarget target = execution.target();
        KeyValues values = KeyValues.of(KeyValue.of("db.system.name", systemName(execution)));
        values = and(values, "db.namespace", target.namespace());
        values = and(values, "server.address", target.serverAddress());
        if (target.usesNonDefaultPort()) {
            values = values.and(KeyValue.of("server.port", Integer.toString(target.serverPort())));
        }
        values = and(values, "db.operation.name", operationName(execution));
        values = and(values, "db.collection.name", execution.collectionName());
        String summary = querySummary(execution);
        values = and(values, "db.query.summary", summary.isEmpty() ? null : summary);
        if (context.getError() != null) {
            String status = statusCode(context.getError());
            values = and(values, "db.response.status_code", status);
            values = values.and(KeyValue.of("error.type", status != null ? status : errorClass(context.getError())));
        }
        return values;
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(MapperQueryContext context) {
        ExecutionContext execution = context.execution();
        KeyValues values = KeyValues.empty();
        if (execution.isBatch()) {
            values = values.and(KeyValue.of("db.operation.batch.size", Integer.toString(execution.batchSize())));
        }
        if (context.returnedRows() >= 0) {
            values = values.and(KeyValue.of("db.response.returned_rows", Long.toString(context.returnedRows())));
        }
        return includeSqlText ? values.and(KeyValue.of("db.query.text", execution.sql())) : values;
    }

    private static KeyValues and(KeyValues values, String key, @Nullable String value) {
        return value == null ? values : values.and(KeyValue.of(key, value));
    }

    private static String systemName(ExecutionContext execution) {
        return SYSTEM_NAMES.getOrDefault(execution.dialectName(), "other_sql");
    }

    /**
     * The SQL keyword of a statement built with the Core or the ORM ({@code BATCH INSERT} for a JDBC batch); null for
     * text statements, whose operation OpenTelemetry says not to read from the SQL, and for DDL and other commands.
     */
    private static @Nullable String operationName(ExecutionContext execution) {
        Operation operation = execution.operation();
        if (execution.kind() == StatementKind.TEXT || operation == Operation.DDL || operation == Operation.OTHER) {
            return null;
        }
        return execution.isBatch() ? "BATCH " + operation.name() : operation.name();
    }

    private static String querySummary(ExecutionContext execution) {
        String summary = execution.querySummary();
        return execution.isBatch() && !summary.isEmpty() ? "BATCH " + summary : summary;
    }

    /**
     * The most specific code the database gave: its vendor code where it has one (MariaDB's 1062, H2's 23505,
     * SQLite's result code), else the SQLState (PostgreSQL's 42P01); null when neither is known.
     */
    private static @Nullable String statusCode(Throwable error) {
        if (error instanceof DatabaseException database) {
            if (database.vendorCode() != 0) {
                return Integer.toString(database.vendorCode());
            }
            return database.sqlState();
        }
        return null;
    }

    /** The canonical name of the exception the driver raised, preferred over mapper's translation of it. */
    private static String errorClass(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getName();
    }
}
