package io.mapper.sql;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A complete statement that a connection can execute, such as a {@link TextClause}. */
public interface Executable extends ClauseElement {

    /** Which layer built the statement; used for the {@code mapper.statement.kind} tag of metrics. */
    default StatementKind statementKind() {
        return StatementKind.CORE;
    }

    /** What the statement does; used for logging and the {@code db.operation.name} tag of metrics. */
    Operation operation();

    /** The columns whose database-generated values the driver should return after execution; empty for none. */
    default List<String> generatedKeyColumns() {
        return List.of();
    }

    /** The values the statement carries for its parameters, by parameter key. */
    default Map<String, @Nullable Object> boundValues() {
        return Map.of();
    }

    /**
     * The key of the statement's compiled form in the engine's cache: an object equal for statements of equal
     * structure whatever their bound values, or null (the default) for statements that are not cached.
     */
    default @Nullable Object cacheKey() {
        return null;
    }

    /** The expressions of the rows the statement returns, when it knows them (a SELECT, RETURNING); else empty. */
    default List<? extends Expression<?>> resultColumns() {
        return List.of();
    }

    /** This statement compiled for a dialect: its SQL and its values in placeholder order. */
    default CompiledSql compile(StatementCompiler dialect) {
        return dialect.compile(this);
    }

    /**
     * The one table this statement writes (an INSERT's, UPDATE's or DELETE's target, qualified by its schema when it
     * has one), for OpenTelemetry's {@code db.collection.name}; null when the statement reads or names several tables.
     */
    default @Nullable String collectionName() {
        return null;
    }

    /** The mapped entity this statement was built for by the ORM, or null for a Core or text statement. */
    default @Nullable String entityName() {
        return null;
    }
}
