package io.mapper.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mapper.engine.Row;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.loading.PersistentList;
import io.mapper.orm.loading.PersistentSet;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;
import io.mapper.schema.Column;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Expression;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.types.Conversions;

/**
 * A session's relationship loading: related objects loaded with each relationship's strategy after a query, and
 * lazy collections. (The flush side of relationships is the unit of work's dependency processors.) Package-private;
 * owned by one {@link Session}.
 */
final class Relationships {

    private static final Logger log = LoggerFactory.getLogger("io.mapper.orm.lazy");
    /** Keys per SELECT ... IN; far below every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    private final DefaultSession session;
    private final Map<RelationshipMapping, Integer> lazyLoads = new HashMap<>();

    Relationships(DefaultSession session) {
        this.session = session;
    }

    // ---- loading ----

    /** Loads the relationships of freshly loaded objects, level by level, as the strategies say. */
    void afterLoad(Mapper<?> mapper, List<InstanceState> fresh, List<String> path,
            Map<List<String>, FetchStrategy> strategies, Set<RelationshipMapping> alreadyLoaded, String origin) {
        if (fresh.isEmpty()) {
            return;
        }
        for (RelationshipMapping relationship : mapper.relationships()) {
            if (alreadyLoaded.contains(relationship)) {
                continue;
            }
            List<String> here = append(path, relationship.name());
            FetchStrategy strategy = strategies.getOrDefault(here, relationship.fetch());
            if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
                loadToOne(relationship, fresh, here, strategies, origin);
            } else if (strategy == FetchStrategy.LAZY || strategy == FetchStrategy.RAISE) {
                for (InstanceState state : fresh) {
                    setUnloaded(state, relationship, here, strategies, strategy, origin);
                }
            } else {
                Map<InstanceState, List<Object>> children = fetchCollections(relationship, fresh, here, strategies,
                        origin);
                for (InstanceState state : fresh) {
                    setLoaded(state, relationship, children.getOrDefault(state, List.of()));
                }
            }
        }
    }

    private static List<String> append(List<String> path, String name) {
        List<String> extended = new ArrayList<>(path.size() + 1);
        extended.addAll(path);
        extended.add(name);
        return List.copyOf(extended);
    }

    /**
     * To-one references are always set: from the identity map when the target is there, else with one
     * SELECT ... IN per level (a plain Java field cannot load on first access without bytecode instrumentation).
     */
    private void loadToOne(RelationshipMapping relationship, List<InstanceState> fresh, List<String> path,
            Map<List<String>, FetchStrategy> strategies, String origin) {
        Mapper<?> target = relationship.target();
        PropertyMapping targetKey = target.primaryKey().get(0);
        Class<?> keyType = targetKey.column().type().javaType();
        FetchStrategy strategy = strategies.getOrDefault(path, relationship.fetch());
        // A Ref holder with LAZY or RAISE waits for get(); a plain field is set now, whatever the strategy.
        boolean deferred = relationship.isHolder()
                && (strategy == FetchStrategy.LAZY || strategy == FetchStrategy.RAISE);
        Map<Object, IdentityKey> missing = new LinkedHashMap<>();
        if (!deferred) {
            for (InstanceState state : fresh) {
                Object raw = foreignKey(state, relationship);
                if (raw != null) {
                    IdentityKey key = new IdentityKey(target.entityType(), Conversions.convert(raw, keyType));
                    if (session.identityMap().get(key) == null) {
                        missing.put(key.id(), key);
                    }
                }
            }
        }
        for (List<Object> chunk : chunks(new ArrayList<>(missing.keySet()))) {
            Select select = session.selectFor(target).where(targetKey.column().in(chunk));
            List<InstanceState> loaded = session.loadStates(target, select, origin);
            afterLoad(target, loaded, path, strategies, Set.of(), origin);
        }
        for (InstanceState state : fresh) {
            Object raw = foreignKey(state, relationship);
            Object related = null;
            if (raw != null) {
                Object id = Conversions.convert(raw, keyType);
                InstanceState relatedState = session.identityMap().get(new IdentityKey(target.entityType(), id));
                if (relatedState == null && deferred) {
                    // Served from the identity map when the target is there; loaded on first get() otherwise.
                    relationship.accessor().set(state.entity(), Ref.lazy(id,
                            () -> loadReference(state, relationship, id, strategy, origin)));
                    continue;
                }
                related = relatedState == null ? null : relatedState.entity();
            }
            relationship.setRelated(state.entity(), related);
        }
    }

    private @Nullable Object loadReference(InstanceState state, RelationshipMapping relationship, Object id,
            FetchStrategy strategy, String origin) {
        if (strategy == FetchStrategy.RAISE) {
            throw new InvalidRequestException(relationship + " of " + state.key() + " is not loaded and its loading "
                    + "strategy is RAISE. Load it with the query: options(selectInLoad(\"" + relationship.name()
                    + "\")), or change the strategy.");
        }
        InstanceState known = session.isClosed() ? null
                : session.identityMap().get(new IdentityKey(relationship.targetType(), id));
        if (known != null && !known.isExpired() && session.contains(state.entity())) {
            return known.entity();    // already in the session: no query, so no lazy load to count
        }
        countLazyLoad(state, relationship, origin);
        return session.get(relationship.targetType(), id);
    }

    private void countLazyLoad(InstanceState state, RelationshipMapping relationship, String origin) {
        if (session.isClosed() || !session.contains(state.entity())) {
            throw new DetachedInstanceException(relationship + " of " + state.key() + " was never loaded, and the "
                    + "object is detached from its session, so it cannot be loaded now. Load it eagerly "
                    + "(options(selectInLoad(\"" + relationship.name() + "\")) or FetchStrategy.SELECT_IN on the "
                    + "mapping), or use it while the session is open.");
        }
        if (session.factory().raiseOnLazyLoad()) {
            throw new InvalidRequestException(relationship + " of " + state.key() + " would be lazy-loaded, and "
                    + "this session factory raises on lazy loads. Load it with the query: options(selectInLoad(\""
                    + relationship.name() + "\")).");
        }
        int count = lazyLoads.merge(relationship, 1, Integer::sum);
        int threshold = session.factory().lazyLoadWarningThreshold();
        if (count == threshold + 1) {
            log.warn("{} was lazy-loaded more than {} times in one session (N+1 queries). The parents came from: "
                    + "[{}]. Load it with that query: options(selectInLoad(\"{}\")).", relationship, threshold,
                    origin, relationship.name());
        }
        for (SessionListener listener : session.factory().listeners()) {
            listener.lazyLoad(session, ((Mapper<?>) state.mapper()).entityName(), relationship.name());
        }
    }

    private static @Nullable Object foreignKey(InstanceState state, RelationshipMapping relationship) {
        Object[] committed = state.committed();
        return committed == null ? null : committed[relationship.foreignKey().slot()];
    }

    /** The elements of a collection relationship for each owner, with one SELECT ... IN per chunk of owners. */
    Map<InstanceState, List<Object>> fetchCollections(RelationshipMapping relationship, List<InstanceState> owners,
            List<String> path, Map<List<String>, FetchStrategy> strategies, String origin) {
        Mapper<?> owner = (Mapper<?>) owners.get(0).mapper();
        Mapper<?> target = relationship.target();
        Class<?> ownerKeyType = owner.primaryKey().get(0).column().type().javaType();
        Map<Object, InstanceState> ownersByKey = new LinkedHashMap<>();
        for (InstanceState state : owners) {
            ownersByKey.put(Conversions.convert(state.key().id(), ownerKeyType), state);
        }
        Map<InstanceState, List<Object>> result = new IdentityHashMap<>();
        List<InstanceState> freshChildren = new ArrayList<>();
        for (List<Object> chunk : chunks(new ArrayList<>(ownersByKey.keySet()))) {
            Select select;
            Column<?> ownerColumn;
            if (relationship.kind() == RelationshipMapping.Kind.ONE_TO_MANY) {
                ownerColumn = relationship.inverse().foreignKey().column();
                select = session.selectFor(target).where(ownerColumn.in(chunk));
            } else {
                ownerColumn = relationship.associationOwnerColumn();
                List<Object> columns = new ArrayList<>();
                for (PropertyMapping property : target.properties()) {
                    columns.add(property.column());
                }
                columns.add(ownerColumn);
                select = Sql.select(columns.toArray()).from(target.table())
                        .join(relationship.associationTable(), ((Expression<?>) relationship.associationTargetColumn())
                                .eq(target.primaryKey().get(0).column()))
                        .where(ownerColumn.in(chunk));
            }
            select = select.orderBy(order(relationship, target));
            int ownerIndex = target.properties().size();
            for (Row row : session.run(new OrmStatement(select, target.entityName()))) {
                DefaultSession.Loaded loaded = session.loadRow(target, row, origin);
                if (loaded.fresh()) {
                    freshChildren.add(loaded.state());
                }
                Object ownerKey = relationship.kind() == RelationshipMapping.Kind.ONE_TO_MANY
                        ? loaded.state().committed()[relationship.inverse().foreignKey().slot()]
                        : row.get(ownerIndex);
                InstanceState ownerState = ownersByKey.get(Conversions.convert(ownerKey, ownerKeyType));
                if (ownerState != null) {
                    result.computeIfAbsent(ownerState, unused -> new ArrayList<>()).add(loaded.state().entity());
                }
            }
        }
        afterLoad(target, freshChildren, path, strategies, Set.of(), origin);
        return result;
    }

    private static ClauseElement[] order(RelationshipMapping relationship, Mapper<?> target) {
        List<ClauseElement> items = new ArrayList<>();
        for (RelationshipMapping.Order order : relationship.orderBy()) {
            Column<?> column = target.property(order.property()).column();
            items.add(order.descending() ? column.desc() : column.asc());
        }
        // Without an explicit order, elements come in key order, so results are repeatable.
        items.add(target.primaryKey().get(0).column().asc());
        return items.toArray(ClauseElement[]::new);
    }

    /** Puts loaded elements into the owner's property, as mapper's own collection (or the single element). */
    void setLoaded(InstanceState state, RelationshipMapping relationship, List<Object> elements) {
        Object owner = state.entity();
        if (relationship.isSingleValued()) {
            relationship.accessor().set(owner, elements.isEmpty() ? null : elements.get(0));
        } else if (relationship.isSet()) {
            relationship.accessor().set(owner, new PersistentSet<>(owner, elements, sync(relationship)));
        } else {
            relationship.accessor().set(owner, new PersistentList<>(owner, elements, sync(relationship)));
        }
        state.collectionSnapshot(relationship, elements);
    }

    private void setUnloaded(InstanceState state, RelationshipMapping relationship, List<String> path,
            Map<List<String>, FetchStrategy> strategies, FetchStrategy strategy, String origin) {
        Object owner = state.entity();
        if (relationship.isSingleValued()) {
            // A single object cannot be loaded on first access; load it now.
            Map<InstanceState, List<Object>> loaded = fetchCollections(relationship, List.of(state), path,
                    strategies, origin);
            setLoaded(state, relationship, loaded.getOrDefault(state, List.of()));
            return;
        }
        io.mapper.orm.loading.CollectionLoader loader = strategy == FetchStrategy.RAISE
                ? () -> {
                    throw new InvalidRequestException(relationship + " of " + state.key() + " is not loaded and its "
                            + "loading strategy is RAISE. Load it with the query: options(selectInLoad(\""
                            + relationship.name() + "\")), or change the strategy.");
                }
                : () -> loadLazily(state, relationship, path, strategies, origin);
        if (relationship.isSet()) {
            relationship.accessor().set(owner, new PersistentSet<>(owner, loader, sync(relationship)));
        } else {
            relationship.accessor().set(owner, new PersistentList<>(owner, loader, sync(relationship)));
        }
    }

    private List<Object> loadLazily(InstanceState state, RelationshipMapping relationship, List<String> path,
            Map<List<String>, FetchStrategy> strategies, String origin) {
        countLazyLoad(state, relationship, origin);
        List<Object> elements = fetchCollections(relationship, List.of(state), path, strategies, origin)
                .getOrDefault(state, List.of());
        state.collectionSnapshot(relationship, elements);
        return elements;
    }

    /** How many times each relationship was lazy-loaded in this session. */
    Map<String, Integer> lazyLoadCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        lazyLoads.forEach((relationship, count) -> counts.put(relationship.toString(), count));
        return counts;
    }

    /** Keeps the other side in sync when an element is added to a collection. */
    private static PersistentCollection.Sync sync(RelationshipMapping relationship) {
        return io.mapper.orm.unitofwork.BackReferences.sync(relationship);
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < list.size(); start += IN_CHUNK) {
            chunks.add(list.subList(start, Math.min(list.size(), start + IN_CHUNK)));
        }
        return chunks;
    }
}
