package io.mapper.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.dialect.DatabaseTarget;
import io.mapper.sql.Operation;
import io.mapper.sql.StatementKind;

/**
 * What a {@link StatementListener} learns about one execution: the SQL, the bound values, what kind of statement it
 * is, and a map where a listener may keep its own state between {@code beforeExecute} and {@code afterExecute}.
 * Bound values are only for listeners that are allowed to see them; the engine's own SQL log hides them unless asked.
 */
public final class ExecutionContext {

    private final String sql;
    private final List<@Nullable Object> parameters;
    private final int batchSize;
    private final Operation operation;
    private final StatementKind kind;
    private final @Nullable String entityName;
    private final String dialectName;
    private final @Nullable String collectionName;
    private final DatabaseTarget target;
    private @Nullable String querySummary;
    private boolean returnsRows;
    private final String route;
    private @Nullable Map<String, Object> attributes;

    ExecutionContext(String sql, List<@Nullable Object> parameters, int batchSize, Operation operation,
            StatementKind kind, @Nullable String entityName, @Nullable String collectionName, String dialectName,
            DatabaseTarget target, String route) {
        this.sql = sql;
        this.parameters = parameters;
        this.batchSize = batchSize;
        this.operation = operation;
        this.kind = kind;
        this.entityName = entityName;
        this.collectionName = collectionName;
        this.dialectName = dialectName;
        this.target = target;
        this.route = route;
    }

    /** The SQL sent to the driver, with {@code ?} placeholders. */
    public String sql() {
        return sql;
    }

    /** The values bound to the placeholders; for a batch, those of its first parameter set. */
    public List<@Nullable Object> parameters() {
        return parameters;
    }

    /** How many parameter sets this execution sends in one JDBC batch; 1 for a single execution. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether this execution is a JDBC batch of several parameter sets. */
    public boolean isBatch() {
        return batchSize > 1;
    }

    /** What the statement does. */
    public Operation operation() {
        return operation;
    }

    /** Which layer built the statement. */
    public StatementKind kind() {
        return kind;
    }

    /** The mapped entity the ORM emitted this statement for, or null. */
    public @Nullable String entityName() {
        return entityName;
    }

    /** The dialect's name, such as {@code postgresql}. */
    public String dialectName() {
        return dialectName;
    }

    /** Where the statement ran: {@code "primary"} or a replica's name (see {@link ReplicaSet}). */
    public String route() {
        return route;
    }

    /**
     * The one table the statement writes, known from the statement built with the Core or the ORM (never read from
     * SQL text): an INSERT's, UPDATE's or DELETE's target. Null for queries, text statements and DDL.
     */
    public @Nullable String collectionName() {
        return collectionName;
    }

    /** Where the statement goes: the database's namespace, host and port, from the connection URL. */
    public DatabaseTarget target() {
        return target;
    }

    /**
     * A low-cardinality summary of the SQL in OpenTelemetry's form: its operations and the tables they name, in
     * order ({@code SELECT customer}, {@code INSERT shipping SELECT orders}, {@code CREATE TABLE note}); computed on
     * first use.
     */
    public String querySummary() {
        String summary = querySummary;
        if (summary == null) {
            summary = QuerySummary.of(sql);
            querySummary = summary;
        }
        return summary;
    }

    /**
     * Whether the database answered with rows that the caller reads afterwards through its {@link Result}; known from
     * {@code afterExecute} on, and then {@link StatementListener#afterRead} follows once reading stops.
     */
    public boolean returnsRows() {
        return returnsRows;
    }

    void markReturnsRows() {
        returnsRows = true;
    }

    /** Per-execution storage for listeners (for example a started timer). */
    public Map<String, Object> attributes() {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        return attributes;
    }

    @Override
    public String toString() {
        return sql + (batchSize > 1 ? " [batch of " + batchSize + "]" : "");
    }
}
