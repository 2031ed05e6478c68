package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.orm.loading.EntityLoader;
import io.mapper.orm.loading.LoadContext;
import io.mapper.orm.loading.LoadPlan;
import io.mapper.orm.loading.Loaded;
import io.mapper.orm.loading.QueryOrigin;
import io.mapper.orm.mapping.Lifecycle;
import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.PolymorphicLoad;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.session.SessionObjects;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.IdentityMap;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.unitofwork.UnitOfWork;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.RowLock;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;

/**
 * A session's reads: entity queries turned into Core SELECTs, rows turned into identity-mapped objects (a row for
 * an object already in the session leaves it as it is unless it is expired), and what the loader strategies of
 * {@link EntityLoader} need of the session. Package-private; owned by one {@link DefaultSession}.
 */
final class SessionLoading implements LoadContext {

    private final DefaultSession session;
    private final SessionObjects objects;
    private final EntityLoader loader;
    private final DeferredColumns deferred;
    /** While a locking query runs: rows refresh the objects they lock, unless those hold unflushed changes. */
    private boolean refreshLocked;

    SessionLoading(DefaultSession session, SessionObjects objects) {
        this.session = session;
        this.objects = objects;
        this.loader = new EntityLoader(this);
        this.deferred = new DeferredColumns(session);
    }

    /** The session's deferred columns: loading them on access or by name. */
    DeferredColumns deferred() {
        return deferred;
    }

    /** The tracked instances an entity query returns, with relationships loaded as its plan says. */
    <E> EntityResult<E> scalars(Mapper<E> mapper, EntitySelect<E> query) {
        LoadPlan plan = LoadOption.plan(query);
        LoadedColumns columns = plan.columns(List.of(), mapper);
        TableClause from = query.source() == null ? mapper.table() : SourcedSelects.from(query, columns,
                (part, loaded) -> applyClauses(EntityLoader.selectFor(mapper, loaded), part, true));
        Select select = query.source() == null ? applyClauses(EntityLoader.selectFor(mapper, columns), query, true)
                : SourcedSelects.select(mapper, query, columns, from);
        EntityLoader.LoadedObjects result = locking(select.rowLock() != null,
                () -> loader.objects(mapper, select, plan, from));
        // Each object is of the mapped class (or a subclass): the loader made it from this mapper's rows.
        @SuppressWarnings("unchecked")
        List<E> roots = (List<E>) (List<?>) result.entities();
        return new EntityResult<>(roots, result.statement());
    }

    /**
     * The rows of a query of several entities and values: each entity the session's instance for its columns of the
     * row (null when an outer join found none), its relationships loaded as the mappings say.
     */
    <T> List<T> tuples(TupleSelect<T> query) {
        List<Object> items = query.items();
        List<Object> columns = new ArrayList<>();
        Mapper<?>[] mappers = new Mapper<?>[items.size()];
        int[] offsets = new int[items.size()];
        Mapper<?> first = null;
        for (int i = 0; i < items.size(); i++) {
            offsets[i] = columns.size();
            if (items.get(i) instanceof Class<?> type) {
                mappers[i] = session.mapperFor(type);
                first = first == null ? mappers[i] : first;
                columns.addAll(columnsOf(mappers[i]));
            } else {
                columns.add(items.get(i));
            }
        }
        Select select = Sql.select(columns.toArray());
        List<Condition> where = new ArrayList<>(query.whereConditions());
        if (first != null) {
            select = select.from(fromOf(first));
            where.addAll(polymorphicCriteria(first));
        }
        if (first != null) {
            where.addAll(criteria(first));
        }
        select = joinsAndWhere(select, filteredJoins(query.joins(), null), where);
        select = groupByAndHaving(select, query.groupByItems(), query.havingConditions());
        if (!query.orderByItems().isEmpty()) {
            select = select.orderBy(query.orderByItems().toArray(ClauseElement[]::new));
        }
        select = distinctAndPaging(select, query.isDistinct(), query.limitValue(), query.offsetValue());
        List<List<InstanceState>> fresh = new ArrayList<>();
        List<java.util.Set<InstanceState>> seen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            fresh.add(new ArrayList<>());
            seen.add(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        }
        List<T> result = new ArrayList<>();
        QueryOrigin origin = new QueryOrigin(select);
        for (Row row : execute(select, first == null ? "tuple" : first.entityName())) {
            Object[] values = new Object[items.size()];
            for (int i = 0; i < items.size(); i++) {
                if (mappers[i] == null) {
                    Expression<?> expression = (Expression<?>) items.get(i);
                    values[i] = row.get(offsets[i], expression.type().javaType());
                } else if (!keyIsNull(mappers[i], row, offsets[i])) {
                    Loaded loaded = load(mappers[i], row, offsets[i], mappers[i].defaultColumns());
                    values[i] = loaded.entity();
                    if (loaded.fresh() && seen.get(i).add(loaded.state())) {
                        fresh.get(i).add(loaded.state());
                    }
                }
            }
            result.add(query.row(values));
        }
        for (int i = 0; i < items.size(); i++) {
            if (mappers[i] != null) {
                loader.loadRelationships(mappers[i], fresh.get(i), origin);
            }
        }
        return result;
    }

    /** {@code select} with DISTINCT, LIMIT and OFFSET as a query asks (null: none). */
    static Select distinctAndPaging(Select select, boolean distinct, @Nullable Integer limit,
            @Nullable Integer offset) {
        Select result = distinct ? select.distinct() : select;
        if (limit != null) {
            result = result.limit(limit);
        }
        return offset == null ? result : result.offset(offset);
    }

    /** The columns a statement selects for an entity: all but its deferred ones. */
    private static List<Object> columnsOf(Mapper<?> mapper) {
        if (mapper.inheritance() != null) {
            return new ArrayList<>(mapper.inheritance().load().columns());
        }
        List<Object> columns = new ArrayList<>(mapper.properties().size());
        for (PropertyMapping property : mapper.defaultColumns().selected()) {
            columns.add(property.column());
        }
        return columns;
    }

    private Select groupByAndHaving(Select select, List<Object> items, List<Condition> having) {
        List<Expression<?>> groupBy = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Class<?> type) {
                columnsOf(session.mapperFor(type)).forEach(column -> groupBy.add((Expression<?>) column));
            } else {
                groupBy.add((Expression<?>) item);
            }
        }
        Select result = groupBy.isEmpty() ? select : select.groupBy(groupBy.toArray(Expression<?>[]::new));
        return having.isEmpty() ? result : result.having(having.toArray(Condition[]::new));
    }

    private static boolean keyIsNull(Mapper<?> mapper, Row row, int offset) {
        for (PropertyMapping key : mapper.primaryKey()) {
            if (row.get(offset + mapper.defaultColumns().position(key.slot())) != null) {
                return false;
            }
        }
        return true;
    }

    private static Select joinsAndWhere(Select select, List<EntitySelect.JoinSpec> joins, List<Condition> where) {
        Select result = select;
        for (EntitySelect.JoinSpec join : joins) {
            if (join.on() == null) {
                result = result.join(join.table());
            } else if (join.outer()) {
                result = result.outerJoin(join.table(), join.on());
            } else {
                result = result.join(join.table(), join.on());
            }
        }
        return where.isEmpty() ? result : result.where(where.toArray(Condition[]::new));
    }

    /** How many rows an entity query would return. */
    <E> long count(Mapper<E> mapper, EntitySelect<E> query) {
        Select select = Sql.select(Sql.count()).from(fromOf(mapper));
        List<Condition> criteria = polymorphicCriteria(mapper);
        if (!criteria.isEmpty()) {
            select = select.where(criteria.toArray(Condition[]::new));
        }
        select = applyClauses(select, query, false);
        if (query.source() != null) {
            LoadedColumns columns = mapper.defaultColumns();
            TableClause from = SourcedSelects.from(query, columns,
                    (part, loaded) -> applyClauses(EntityLoader.selectFor(mapper, loaded), part, true));
            select = Sql.select(Sql.count()).from(SourcedSelects.select(mapper, query, columns, from)
                    .subquery("anon_2"));
        }
        Long count = session.transactions().connection().execute(new OrmStatement(select, mapper.entityName()))
                .scalar(Long.class);
        return count == null ? 0 : count;
    }

    /** The FROM of an entity's rows: its table, or its hierarchy's tables as its polymorphic load joins them. */
    private static io.mapper.sql.ClauseElement fromOf(Mapper<?> mapper) {
        return mapper.inheritance() == null ? mapper.table() : mapper.inheritance().load().from();
    }

    /** The criterion that restricts a query to a single-table subclass's rows, if any. */
    private static List<Condition> polymorphicCriteria(Mapper<?> mapper) {
        return mapper.inheritance() == null ? List.of() : mapper.inheritance().load().criteria();
    }

    /** The object with this key, loaded (or refreshed, when expired) by SELECT; empty when the row is gone. */
    <E> List<E> byKey(Mapper<E> mapper, IdentityKey key, boolean skipDeleted) {
        return byKey(mapper, key, skipDeleted, null);
    }

    /**
     * {@code session.get}: the identity map's object when it is current (null for a deleted one, or for another class
     * of the same hierarchy), else one SELECT by key, always one for a lock (SQLAlchemy's
     * {@code get(with_for_update=...)}: the lock is taken in the database and the locked row refreshes the object).
     */
    <E> @Nullable E get(Mapper<E> mapper, Object id, @Nullable RowLock lock, LoadPlan plan) {
        Class<E> entityType = mapper.entityType();
        IdentityKey key = mapper.identityKeyOf(id);
        InstanceState state = objects.get(key);
        if (state != null && !entityType.isInstance(state.entity())) {
            // The key is another class's of the same hierarchy (get(Dog.class, id) of a Cat): none, as in
            // SQLAlchemy, and its own SELECT (restricted to Dogs) would find no row either.
            return null;
        }
        if (lock == null && state != null && !state.isExpired()) {
            if (state.status() == InstanceState.Status.DELETED) {
                return null;
            }
            deferred.undeferred(session.factory().mapperOf(state.entity()), state, plan);
            return entityType.cast(state.entity());
        }
        session.autoflushIfEnabled();
        List<E> found = byKey(mapper, key, true, lock, plan);
        if (found.isEmpty()) {
            if (state != null && state.status() != InstanceState.Status.DELETED) {
                objects.forget(state);
            }
            return null;
        }
        return found.get(0);
    }

    /** As {@link #byKey(Mapper, IdentityKey, boolean)}, locking the row as {@code lock} says (null: no lock). */
    <E> List<E> byKey(Mapper<E> mapper, IdentityKey key, boolean skipDeleted, @Nullable RowLock lock) {
        return byKey(mapper, key, skipDeleted, lock, LoadPlan.DEFAULT);
    }

    /** As {@link #byKey(Mapper, IdentityKey, boolean, RowLock)}, with a query's load options ({@code undefer}). */
    <E> List<E> byKey(Mapper<E> mapper, IdentityKey key, boolean skipDeleted, @Nullable RowLock lock,
            LoadPlan plan) {
        List<Condition> filters = skipDeleted ? criteria(mapper) : List.of();   // get: filtered; refresh: not
        if (filters.isEmpty() && lock == null && plan == LoadPlan.DEFAULT) {
            KeyLookups.Lookup lookup = session.factory().keyLookups().of(mapper, () -> keyConditions(mapper, key));
            if (lookup != null) {
                return loadedOf(mapper, loader.load(mapper, lookup.select(), lookup.values(key.id())), skipDeleted);
            }
        }
        Select unlocked = EntityLoader.selectFor(mapper, plan.columns(List.of(), mapper))
                .where(keyConditions(mapper, key));
        if (!filters.isEmpty()) {
            unlocked = unlocked.where(filters.toArray(Condition[]::new));
        }
        Select select = lock == null ? unlocked : unlocked.lock(lock);
        return loadedOf(mapper, locking(lock != null, () -> loader.query(mapper, select, plan).rows()), skipDeleted);
    }

    private static <E> List<E> loadedOf(Mapper<E> mapper, List<Loaded> rows, boolean skipDeleted) {
        List<E> loaded = new ArrayList<>(rows.size());
        for (Loaded row : rows) {
            InstanceState state = row.state();
            if (!(skipDeleted && state.status() == InstanceState.Status.DELETED)) {
                loaded.add(mapper.entityType().cast(state.entity()));
            }
        }
        return loaded;
    }

    /**
     * Runs a load; when it locks rows, a row refreshes the object it locks, as SQLAlchemy's
     * {@code populate_existing} does: the lock is the moment its values are known to be current. Objects with
     * unflushed changes keep them (autoflush normally wrote them already).
     */
    private <T> T locking(boolean locks, Supplier<T> load) {
        if (!locks) {
            return load.get();
        }
        boolean saved = refreshLocked;
        refreshLocked = true;
        try {
            return load.get();
        } finally {
            refreshLocked = saved;
        }
    }

    /** How many times each relationship was lazy-loaded in this session. */
    Map<String, Integer> lazyLoadCounts() {
        return loader.lazyLoadCounts();
    }

    private Select applyClauses(Select select, EntitySelect<?> query, boolean withPaging) {
        List<Condition> where = new ArrayList<>(query.whereConditions());
        Mapper<?> mapper = session.mapperFor(query.entityType());
        where.addAll(criteria(mapper, query.filtersLeftOut()));
        Select result = groupByAndHaving(joinsAndWhere(select, filteredJoins(query.joins(), query.filtersLeftOut()),
                where), query.groupByItems(), query.havingConditions());
        if (withPaging) {
            if (!query.orderByItems().isEmpty()) {
                result = result.orderBy(query.orderByItems().toArray(ClauseElement[]::new));
            }
            if (query.limitValue() != null) {
                result = result.limit(query.limitValue());
            }
            if (query.offsetValue() != null) {
                result = result.offset(query.offsetValue());
            }
            if (query.rowLock() != null) {
                result = result.lock(query.rowLock());
            }
        }
        return result;
    }

    private static Condition[] keyConditions(Mapper<?> mapper, IdentityKey key) {
        List<PropertyMapping> keys = mapper.primaryKey();
        List<?> values = keys.size() == 1 ? java.util.Collections.singletonList(key.id()) : (List<?>) key.id();
        Condition[] conditions = new Condition[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            conditions[i] = ((Expression<?>) keys.get(i).column()).eq(values.get(i));
        }
        return conditions;
    }

    // ---- global filters ----

    /** The conditions of the enabled global filters that apply to {@code mapper}'s entity. */
    @Override
    public List<Condition> criteria(Mapper<?> mapper) {
        return criteria(mapper, null);
    }

    /** As {@link #criteria(Mapper)}, leaving out those a query names ({@code leftOut} empty: all of them). */
    List<Condition> criteria(Mapper<?> mapper, java.util.@Nullable Set<String> leftOut) {
        return criteria(mapper, leftOut, mapper.table());
    }

    /**
     * As {@link #criteria(Mapper, java.util.Set)}, for the entity read from {@code from}: its table, or an alias of it
     * (where only the filters built per table apply, SQLAlchemy's {@code include_aliases}).
     */
    private List<Condition> criteria(Mapper<?> mapper, java.util.@Nullable Set<String> leftOut, TableClause from) {
        List<LoaderCriteria> filters = session.factory().filters();
        if (filters.isEmpty() || leftOut != null && leftOut.isEmpty()) {
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>(1);
        for (LoaderCriteria filter : filters) {
            if (filter.entityType().isAssignableFrom(mapper.entityType()) && session.isFilterEnabled(filter.name())
                    && (leftOut == null || !leftOut.contains(filter.name()))
                    && (from == mapper.table() || filter.appliesToAliases())) {
                conditions.add(filter.conditionFor(from));
            }
        }
        return conditions;
    }

    /**
     * Adds the filters of the entities a query joins to their ON clauses (in the WHERE clause they would turn an
     * outer join into an inner one), and those of the queried entity to its WHERE clause.
     */
    private List<EntitySelect.JoinSpec> filteredJoins(List<EntitySelect.JoinSpec> joins,
            java.util.@Nullable Set<String> leftOut) {
        if (session.factory().filters().isEmpty()) {
            return joins;
        }
        List<EntitySelect.JoinSpec> result = new ArrayList<>(joins.size());
        for (EntitySelect.JoinSpec join : joins) {
            boolean alias = join.table() instanceof io.mapper.sql.TableAlias;
            Mapper<?> joined = session.mapperForTable(alias ? ((io.mapper.sql.TableAlias) join.table()).original()
                    .name() : join.table().name());
            List<Condition> extra = joined == null || join.on() == null ? List.of()
                    : criteria(joined, leftOut, alias ? join.table() : joined.table());
            if (extra.isEmpty()) {
                result.add(join);
            } else {
                List<Condition> on = new ArrayList<>(extra.size() + 1);
                on.add(join.on());
                on.addAll(extra);
                result.add(new EntitySelect.JoinSpec(join.table(), Sql.and(on.toArray(Condition[]::new)),
                        join.outer()));
            }
        }
        return result;
    }

    // ---- LoadContext ----

    @Override
    public io.mapper.orm.loading.SelectInStatements selectInStatements() {
        return session.factory().selectInStatements();
    }

    @Override
    public Iterable<Row> execute(Select select, String entityName, Map<String, ?> parameters) {
        return session.transactions().connection().execute(new OrmStatement(select, entityName), parameters);
    }

    /**
     * The instance for the row's columns from {@code offset}: the one already in the identity map (refreshed if
     * expired), or a new one. The snapshot keeps foreign keys as the row had them.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Loaded load(Mapper<?> anyMapper, Row row, int offset, LoadedColumns columns) {
        Mapper<Object> mapper = (Mapper<Object>) anyMapper;
        Object[] values;
        boolean complete = mapper.inheritance() != null;    // a hierarchy's loads read every column
        if (mapper.inheritance() != null) {
            // The row's class is its discriminator's; its columns are where the polymorphic load put them (every
            // column of the hierarchy: deferred columns of a hierarchy load with the object).
            PolymorphicLoad load = mapper.inheritance().load();
            mapper = (Mapper<Object>) load.mapperOf(row, offset);
            int[] index = load.indexes(mapper);
            int size = mapper.properties().size();
            values = new Object[size];
            for (int i = 0; i < size; i++) {
                values[i] = row.get(offset + index[i]);
            }
        } else {
            values = columns.read(row, offset);
        }
        IdentityKey key = mapper.identityKey(values);
        InstanceState state = objects.get(key);
        if (state != null) {
            if (!state.isExpired() && !(refreshLocked && state.status() == InstanceState.Status.PERSISTENT
                    && !UnitOfWork.isModified(mapper, state))) {
                deferred.fill(mapper, state, values);
                return new Loaded(state, false);
            }
            state.committedOwned(populateQuietly(mapper, state.entity(), values));
            if (!complete) {
                deferred.unloaded(mapper, state, columns);
            }
            if (complete || columns.isComplete()) {
                mapper.syncedNow(state.entity(), state);
            } else {
                state.unsync();    // a column it did not load may hold a value the snapshot no longer knows
            }
            afterLoad(mapper, state.entity());
            return new Loaded(state, true);
        }
        Object entity = mapper.newInstance();
        Object[] snapshot = mapper.populateLoaded(entity, values);
        state = new InstanceState(entity, mapper, InstanceState.Status.PERSISTENT);
        state.key(key);
        state.committedOwned(snapshot);
        if (!complete) {
            deferred.unloaded(mapper, state, columns);
        }
        mapper.syncedNow(entity, state);    // a new object, its snapshot what it was given: they agree
        objects.trackLoaded(state);
        afterLoad(mapper, entity);
        return new Loaded(state, true);
    }

    @Override
    public boolean refreshesEveryRow() {
        return refreshLocked;
    }

    private void afterLoad(Mapper<?> mapper, Object entity) {
        mapper.lifecycle().fire(Lifecycle.Event.AFTER_LOAD, entity);
        for (SessionListener listener : session.factory().listeners()) {
            listener.afterLoad(entity);
        }
    }

    /**
     * Refills an object's fields from its row and returns its new snapshot ({@link Mapper#populateLoaded}), without
     * telling its session of the writes: the snapshot holds the same values, so the next flush need not look at it
     * (an object reloaded after a commit expired it).
     */
    private static @Nullable Object[] populateQuietly(Mapper<Object> mapper, Object entity,
            @Nullable Object[] values) {
        io.mapper.orm.state.WriteListener listener = mapper.isTracked()
                ? ((io.mapper.orm.state.Tracked) entity).$mapper$listener() : null;
        if (listener == null) {
            return mapper.populateLoaded(entity, values);
        }
        ((io.mapper.orm.state.Tracked) entity).$mapper$listener(null);
        try {
            return mapper.populateLoaded(entity, values);
        } finally {
            ((io.mapper.orm.state.Tracked) entity).$mapper$listener(listener);
        }
    }

    @Override
    public IdentityMap identityMap() {
        return objects.identityMap();
    }

    @Override
    public boolean isAttached(Object entity) {
        return !session.isClosed() && objects.contains(entity);
    }

    @Override
    public @Nullable Object get(Class<?> entityType, Object id) {
        return session.get(entityType, id);
    }

    @Override
    public Object lazyReference(Object id, Supplier<@Nullable Object> load) {
        return Ref.lazy(id, load);
    }

    @Override
    public void lazyLoaded(InstanceState owner, RelationshipMapping relationship) {
        for (SessionListener listener : session.factory().listeners()) {
            listener.lazyLoad(session, ((Mapper<?>) owner.mapper()).entityName(), relationship.name());
        }
    }

    @Override
    public void lazyLoaded(InstanceState owner, String property) {
        for (SessionListener listener : session.factory().listeners()) {
            listener.lazyLoad(session, ((Mapper<?>) owner.mapper()).entityName(), property);
        }
    }

    @Override
    public RuntimeException detached(String message) {
        return new DetachedInstanceException(message);
    }

    @Override
    public boolean raiseOnLazyLoad() {
        return session.factory().raiseOnLazyLoad();
    }

    @Override
    public int lazyLoadWarningThreshold() {
        return session.factory().lazyLoadWarningThreshold();
    }
}
