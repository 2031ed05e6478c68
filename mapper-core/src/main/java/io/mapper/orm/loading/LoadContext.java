package io.mapper.orm.loading;

import java.util.List;
import java.util.Map;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.IdentityMap;
import io.mapper.orm.state.InstanceState;
import io.mapper.sql.Condition;
import io.mapper.sql.Select;

/**
 * What the loader strategies need from the session that owns the objects: run a statement in its transaction, turn
 * a row into an identity-mapped object, and the session's lazy-load policy. The session implements it, so this
 * package does not depend on the session's. Not thread-safe, like a session.
 */
public interface LoadContext {

    /** Runs a SELECT in the session's transaction; {@code entityName} names the statement for listeners. */
    default Iterable<Row> execute(Select select, String entityName) {
        return execute(select, entityName, Map.of());
    }

    /** As {@link #execute(Select, String)}, with values for the statement's parameters by key. */
    Iterable<Row> execute(Select select, String entityName, Map<String, ?> parameters);

    /** The select-in loader's statements, kept for the session factory's life. */
    SelectInStatements selectInStatements();

    /**
     * The object for the row's columns from {@code offset} on, those of {@code columns} in {@code mapper}'s property
     * order: the one in the identity map (refreshed when expired; its unloaded deferred columns filled when the row
     * has them), or a new persistent one, registered in the map.
     */
    Loaded load(Mapper<?> mapper, Row row, int offset, LoadedColumns columns);

    /**
     * Whether {@link #load} refreshes an object every time a row of it comes (a load that locks its rows);
     * otherwise an object comes back fresh at most once per statement, since loading it makes it current.
     */
    boolean refreshesEveryRow();

    /** The session's identity map. */
    IdentityMap identityMap();

    /** Whether the session is open and tracks {@code entity} (so relationships of it can still be loaded). */
    boolean isAttached(Object entity);

    /** The object of {@code entityType} with key {@code id}, from the identity map or by SELECT; null if none. */
    @Nullable Object get(Class<?> entityType, Object id);

    /** A reference holder ({@code Ref}) to the row with key {@code id} that calls {@code loader} on first use. */
    Object lazyReference(Object id, Supplier<@Nullable Object> loader);

    /**
     * Called before a relationship of {@code owner} is loaded lazily, after the checks: counts it for listeners
     * (the session's {@code SessionListener.lazyLoad}).
     */
    void lazyLoaded(InstanceState owner, RelationshipMapping relationship);

    /**
     * Called before an element collection ({@code property}) of {@code owner} is loaded lazily, after the checks:
     * counts it for listeners.
     */
    default void lazyLoaded(InstanceState owner, String property) {
    }

    /** The exception to raise when an unloaded relationship of a detached object is used (the session's own type). */
    RuntimeException detached(String message);

    /** Whether every lazy load raises instead (the session factory's {@code raiseOnLazyLoad}). */
    boolean raiseOnLazyLoad();

    /** How many lazy loads of one relationship in one session are fine before a N+1 warning is logged. */
    int lazyLoadWarningThreshold();

    /**
     * The global filters (loader criteria) the session applies to statements loading {@code mapper}'s objects, for
     * relationship loads; empty when none is enabled.
     */
    default List<Condition> criteria(Mapper<?> mapper) {
        return List.of();
    }
}
