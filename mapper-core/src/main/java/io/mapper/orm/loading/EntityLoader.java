package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mapper.engine.Row;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.mapping.InheritanceMapping;
import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PolymorphicLoad;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;

/**
 * A session's loading side (SQLAlchemy's {@code orm/loading.py}): runs an entity statement, turns its rows into
 * identity-mapped objects, and loads their relationships with the {@link LoaderStrategy} of each path; counts the
 * lazy loads that follow. One per session, and like it not thread-safe.
 */
public final class EntityLoader {

    private static final Logger log = LoggerFactory.getLogger("io.mapper.orm.lazy");

    private final LoadContext context;
    private final Map<Object, Integer> lazyLoads = new HashMap<>();

    /** A loader over the session that {@code context} stands for. */
    public EntityLoader(LoadContext context) {
        this.context = context;
    }

    /** The objects of one entity query, each once in row order, and the SQL that loaded them. */
    public record Result(List<Loaded> rows, QueryOrigin statement) {
    }

    /** The objects of one entity query, each once in row order, and the SQL that loaded them. */
    public record LoadedObjects(List<Object> entities, QueryOrigin statement) {
    }

    /** The SELECT of a mapper's columns but the deferred ones (see {@link #selectFor(Mapper, LoadedColumns)}). */
    public static Select selectFor(Mapper<?> mapper) {
        return selectFor(mapper, mapper.defaultColumns());
    }

    /**
     * The SELECT of these columns of a mapper, in property order, from its table; for a class of an inheritance
     * hierarchy, of every column of the hierarchy, its subclasses' too, from the hierarchy's tables (see
     * {@link PolymorphicLoad}): deferred columns of a hierarchy load with the object.
     */
    public static Select selectFor(Mapper<?> mapper, LoadedColumns loaded) {
        InheritanceMapping inheritance = mapper.inheritance();
        if (inheritance != null) {
            PolymorphicLoad load = inheritance.load();
            Select select = Sql.select(load.columns().toArray()).from(load.from());
            return load.criteria().isEmpty() ? select
                    : select.where(load.criteria().toArray(io.mapper.sql.Condition[]::new));
        }
        List<Object> columns = new ArrayList<>(loaded.width());
        for (PropertyMapping property : loaded.selected()) {
            columns.add(property.column());
        }
        return Sql.select(columns.toArray()).from(mapper.table());
    }

    /** How many columns of a row {@link #selectFor} gives a mapper's objects. */
    public static int columnCount(Mapper<?> mapper) {
        return columnCount(mapper, mapper.defaultColumns());
    }

    /** How many columns {@link #selectFor(Mapper, LoadedColumns)} selects for these columns of a mapper. */
    public static int columnCount(Mapper<?> mapper, LoadedColumns loaded) {
        InheritanceMapping inheritance = mapper.inheritance();
        return inheritance == null ? loaded.width() : inheritance.load().columns().size();
    }

    /**
     * Runs {@code select} (whose first columns are {@code mapper}'s, as {@link #selectFor} makes them, with the
     * query's joins, WHERE and paging) with the relationships loaded as {@code plan} and the mappings say: joined
     * and contains-eager paths add their columns to this statement; the rest load after it.
     */
    public Result query(Mapper<?> mapper, Select select, LoadPlan plan) {
        return query(mapper, select, plan, Map.of());
    }

    /**
     * The objects of an entity query (the user's, with its joins, WHERE and paging), its relationships loaded as
     * {@code plan} and the mappings say, reading the objects' columns from {@code from}: the entity's table, or a CTE
     * or subquery with its columns, to which joined loads join. The list is gathered while each row is read.
     */
    public LoadedObjects objects(Mapper<?> mapper, Select select, LoadPlan plan, io.mapper.sql.TableClause from) {
        StatementLoad statement = new StatementLoad(this, mapper, select, List.of(), plan, true, from);
        QueryOrigin origin = new QueryOrigin(statement.select());
        List<Object> entities = new ArrayList<>();
        statement.collectingEntities(entities).run(origin, null);
        return new LoadedObjects(entities, origin);
    }

    /** As {@link #query(Mapper, Select, LoadPlan)}, with values for the statement's parameters by key. */
    public Result query(Mapper<?> mapper, Select select, LoadPlan plan, Map<String, ?> parameters) {
        StatementLoad statement = new StatementLoad(this, mapper, select, List.of(), plan, true, mapper.table())
                .parameters(parameters);
        QueryOrigin origin = new QueryOrigin(statement.select());
        return new Result(statement.run(origin, null), origin);
    }

    /** Runs a statement of {@code mapper}'s columns with the mappings' strategies (get, refresh, merge). */
    public List<Loaded> load(Mapper<?> mapper, Select select) {
        return query(mapper, select, LoadPlan.DEFAULT).rows();
    }

    /** As {@link #load(Mapper, Select)}, with values for the statement's parameters by key. */
    public List<Loaded> load(Mapper<?> mapper, Select select, Map<String, ?> parameters) {
        return query(mapper, select, LoadPlan.DEFAULT, parameters).rows();
    }

    /**
     * Loads the relationships of objects of {@code mapper} that a statement of the caller's own built (a tuple query:
     * {@code fresh} are those it loaded or refreshed), with the mappings' strategies, JOINED ones by SELECT ... IN.
     */
    public void loadRelationships(Mapper<?> mapper, List<InstanceState> fresh, QueryOrigin origin) {
        StatementLoad.relationshipsOf(this, mapper, fresh, origin);
    }

    /** Loads the objects at {@code path} of a query with a statement of their own (select-in, lazy). */
    List<Loaded> rows(Mapper<?> mapper, Select select, List<String> path, LoadPass pass) {
        return rows(mapper, select, path, pass, null);
    }

    List<Loaded> rows(Mapper<?> mapper, Select select, List<String> path, LoadPass pass,
            @Nullable BiConsumer<Loaded, Row> perRow) {
        return new StatementLoad(this, mapper, select, path, pass.plan(), false).run(pass.origin(), perRow);
    }

    /** As {@link #rows(Mapper, Select, List, LoadPass, BiConsumer)}, with {@code value} for {@code parameter}. */
    List<Loaded> rows(Mapper<?> mapper, Select select, List<String> path, LoadPass pass,
            @Nullable BiConsumer<Loaded, Row> perRow, io.mapper.sql.BindParameter<?> parameter, Object value) {
        return new StatementLoad(this, mapper, select, path, pass.plan(), false).parameter(parameter, value)
                .run(pass.origin(), perRow);
    }

    LoadContext context() {
        return context;
    }

    /**
     * Checks and counts one lazy load: raises for a detached owner or when the session factory forbids lazy loads,
     * and warns once a relationship passes the threshold (N+1 queries).
     */
    void countLazyLoad(InstanceState state, RelationshipMapping relationship, QueryOrigin origin) {
        countLazyLoad(state, relationship, relationship.name(), origin);
        context.lazyLoaded(state, relationship);
    }

    /**
     * The checks and count of one lazy load of {@code attribute} (a relationship or an element collection, named
     * {@code name}), without telling the listeners.
     */
    void countLazyLoad(InstanceState state, Object attribute, String name, QueryOrigin origin) {
        if (!context.isAttached(state.entity())) {
            throw context.detached(attribute + " of " + state.key() + " was never loaded, and the object is "
                    + "detached from its session, so it cannot be loaded now. Load it eagerly (options(selectInLoad(\""
                    + name + "\")) or FetchStrategy.SELECT_IN on the mapping), or use it while the "
                    + "session is open.");
        }
        if (context.raiseOnLazyLoad()) {
            throw new InvalidRequestException(attribute + " of " + state.key() + " would be lazy-loaded, and "
                    + "this session factory raises on lazy loads. Load it with the query: options(selectInLoad(\""
                    + name + "\")).");
        }
        int count = lazyLoads.merge(attribute, 1, Integer::sum);
        int threshold = context.lazyLoadWarningThreshold();
        if (count == threshold + 1) {
            log.warn("{} was lazy-loaded more than {} times in one session (N+1 queries). The parents came from: "
                    + "[{}]. Load it with that query: options(selectInLoad(\"{}\")).", attribute, threshold,
                    origin, name);
        }
    }

    /** How many times each relationship was lazy-loaded in this session. */
    public Map<String, Integer> lazyLoadCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        lazyLoads.forEach((relationship, count) -> counts.put(relationship.toString(), count));
        return counts;
    }
}
