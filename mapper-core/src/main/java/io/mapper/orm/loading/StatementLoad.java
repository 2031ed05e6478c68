package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.exception.ArgumentException;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Join;
import io.mapper.sql.RowLock;
import io.mapper.sql.Select;
import io.mapper.sql.TableClause;

/**
 * One statement that loads objects of a mapper, with the strategy of each relationship chosen up front: the
 * {@link RowLoader}s add their columns (and joins) to the statement, forming a tree of nodes, one per entity read
 * from each row; the other strategies run after the rows are read. One instance per statement.
 */
final class StatementLoad {

    /** An entity read from each row: its mapper, the table or alias its columns come from, and where they start. */
    final class Node {
        private final Mapper<?> mapper;
        private final TableClause from;
        private final int offset;
        private final LoadedColumns columns;
        private final List<String> path;
        private final List<Mapper<?>> mappers;
        private final Map<RelationshipMapping, LoaderStrategy> strategies = new LinkedHashMap<>();
        private final List<RowLoader> rowLoaders = new ArrayList<>();
        private final List<InstanceState> fresh = new ArrayList<>();
        /** Fresh objects already noted, for locking loads whose rows may repeat an object; made on first need. */
        private @Nullable Set<InstanceState> seen;

        Node(Mapper<?> mapper, TableClause from, int offset, List<String> path, List<Mapper<?>> mappers) {
            this.mapper = mapper;
            this.columns = plan.columns(path, mapper);
            this.from = from;
            this.offset = offset;
            this.path = path;
            this.mappers = mappers;
        }

        Mapper<?> mapper() {
            return mapper;
        }

        private Set<InstanceState> seen() {
            if (seen == null) {
                seen = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            return seen;
        }

        int offset() {
            return offset;
        }

        /** Where the slot's column is in the row, for a column this node loads. */
        int column(int slot) {
            return offset + columns.position(slot);
        }

        /** The row's object for this node, and through the row loaders those of the nodes below it. */
        Loaded read(Row row, boolean distinctRows) {
            Loaded loaded = loader.context().load(mapper, row, offset, columns);
            // Rows may repeat an object (joins), but only a locking load makes it fresh more than once.
            if (loaded.fresh() && (distinctRows || !loader.context().refreshesEveryRow()
                    || seen().add(loaded.state()))) {
                fresh.add(loaded.state());
            }
            for (RowLoader rowLoader : rowLoaders) {
                rowLoader.row(loaded.state(), row);
            }
            return loaded;
        }
    }

    private final EntityLoader loader;
    private final LoadPlan plan;
    private final boolean paged;
    private final boolean root;
    /** Whether row loaders may add joins; not for objects a statement of someone else read (a tuple query). */
    private final boolean joins;
    private final Node top;
    private Select select;
    private int columns;
    private int aliases;
    private boolean eagerJoins;

    /**
     * Prepares {@code select}, whose first columns are {@code mapper}'s properties in order, to load objects at
     * {@code path}. {@code root}: the user's own query, whose joins contains-eager paths may read.
     */
    // Values for the statement's parameters by key (a statement built once, run with new values each time).
    private Map<String, ?> parameters = Map.of();
    private @Nullable List<Object> entities;

    StatementLoad(EntityLoader loader, Mapper<?> mapper, Select select, List<String> path, LoadPlan plan,
            boolean root) {
        this(loader, mapper, select, path, plan, root, true, mapper.table());
    }

    /** As above, the top objects' columns read from {@code from} (the entity's table, or a CTE or subquery). */
    StatementLoad(EntityLoader loader, Mapper<?> mapper, Select select, List<String> path, LoadPlan plan,
            boolean root, TableClause from) {
        this(loader, mapper, select, path, plan, root, true, from);
    }

    private StatementLoad(EntityLoader loader, Mapper<?> mapper, Select select, List<String> path, LoadPlan plan,
            boolean root, boolean joins, TableClause from) {
        this.loader = loader;
        this.joins = joins;
        List<io.mapper.sql.Condition> criteria = root ? List.of() : loader.context().criteria(mapper);
        if (!criteria.isEmpty()) {
            // A relationship load: the session's global filters of the target apply (the user's query has them).
            select = select.where(criteria.toArray(io.mapper.sql.Condition[]::new));
        }
        this.plan = plan;
        this.root = root;
        this.select = select;
        this.paged = select.limitParameter() != null || select.offsetParameter() != null;
        this.columns = select.selectedColumns().size();
        this.top = new Node(mapper, from, 0, path, List.of(mapper));
        setup(top);
        RowLock lock = select.rowLock();
        if (lock != null && lock.of().isEmpty() && eagerJoins) {
            // PostgreSQL refuses FOR UPDATE on the nullable side of an outer join, and the rows joined only to
            // load relationships are not what the query asked to lock: lock the query's own tables.
            this.select = this.select.lock(lock.of(tablesOf(select).toArray(TableClause[]::new)));
        }
    }

    private static List<TableClause> tablesOf(Select select) {
        List<TableClause> tables = new ArrayList<>();
        for (ClauseElement from : select.effectiveFroms()) {
            if (from instanceof Join join) {
                tables.addAll(join.tables());
            } else if (from instanceof TableClause table) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** The statement with every row loader's columns and joins. */
    Select select() {
        return select;
    }

    private void setup(Node node) {
        for (RelationshipMapping relationship : node.mapper.relationships()) {
            List<String> path = append(node.path, relationship.name());
            LoaderStrategy strategy = choose(node, relationship, path);
            node.strategies.put(relationship, strategy);
            if (strategy instanceof RowLoader rowLoader) {
                Mapper<?> target = relationship.target();
                TableClause from = rowLoader.from();
                List<Object> targetColumns;
                if (target.inheritance() != null) {
                    targetColumns = rowLoader.columns();    // every column of the hierarchy
                } else {
                    targetColumns = new ArrayList<>(target.properties().size());
                    for (PropertyMapping property : plan.columns(path, target).selected()) {
                        targetColumns.add(RelationshipValues.column(from, property.column()));
                    }
                }
                select = rowLoader.join(select, node.from).addColumns(targetColumns.toArray());
                eagerJoins |= rowLoader instanceof JoinedLoader;
                List<Mapper<?>> mappers = new ArrayList<>(node.mappers);
                mappers.add(target);
                Node child = new Node(target, from, columns, path, List.copyOf(mappers));
                columns += targetColumns.size();
                rowLoader.target(child);
                node.rowLoaders.add(rowLoader);
                setup(child);
            }
        }
    }

    private LoaderStrategy choose(Node node, RelationshipMapping relationship, List<String> path) {
        LoadPlan.Eager eager = plan.eager(path);
        if (eager != null) {
            if (!root) {
                throw new ArgumentException("containsEager(\"" + String.join(".", path) + "\") reads from the "
                        + "query's own joins, but " + relationship.ownerType().getSimpleName() + " objects at "
                        + "this path are loaded by a statement of their own. Use containsEager (or joinedLoad) for "
                        + "every level of the path.");
            }
            return new ContainsEagerLoader(relationship, eager.from(), plan.joined(), path);
        }
        FetchStrategy strategy = plan.strategy(path, relationship.fetch());
        return switch (strategy) {
            // A filtered target is loaded by SELECT ... IN, where its filter applies as WHERE.
            case JOINED -> joins && joinable(node, relationship, path)
                    && loader.context().criteria(relationship.target()).isEmpty()
                    ? new JoinedLoader(relationship, relationship.target().table().name() + "_" + ++aliases)
                    : SelectInLoader.INSTANCE;
            case LAZY -> LazyLoader.INSTANCE;
            case RAISE -> RaiseLoader.INSTANCE;
            case SELECT_IN, DEFAULT -> SelectInLoader.INSTANCE;
        };
    }

    /**
     * Whether a JOINED relationship can be joined here. A collection is not joined under LIMIT/OFFSET, which would
     * page over joined rows instead of parents; it falls back to SELECT ... IN. A many-to-many is loaded by
     * SELECT ... IN. A mapping's JOINED default stops where its target's mapper is already on the path (SQLAlchemy
     * without {@code join_depth}), so self-referential and bidirectional defaults do not join forever.
     */
    private boolean joinable(Node node, RelationshipMapping relationship, List<String> path) {
        if (!plan.isExplicit(path) && node.mappers.contains(relationship.target())) {
            return false;
        }
        return switch (relationship.kind()) {
            case MANY_TO_ONE -> true;
            case ONE_TO_MANY -> !paged;
            case MANY_TO_MANY -> false;
        };
    }

    /** Runs the statement with these values for its parameters, by key. */
    StatementLoad parameters(Map<String, ?> values) {
        this.parameters = values;
        return this;
    }

    /**
     * Runs the statement with {@code value} for {@code parameter}, one of its parameter objects: its key is found in
     * the statement as run, whatever the session's criteria and the eager joins added to it.
     */
    StatementLoad parameter(io.mapper.sql.BindParameter<?> parameter, Object value) {
        this.parameters = Map.of(select.keyOf(parameter), value);
        return this;
    }

    /**
     * Adds each returned object to {@code into} while its row is read, instead of returning the rows from
     * {@link #run}: a large result's list of objects is then built while each object is still in the processor's
     * caches, not by a second pass over the rows.
     */
    StatementLoad collectingEntities(List<Object> into) {
        this.entities = into;
        return this;
    }

    /**
     * Runs the statement and loads the relationships of the objects it loaded fresh. Returns the top node's object
     * of each row, each once, in row order; {@code perRow} sees every row with its top object.
     */
    List<Loaded> run(QueryOrigin origin, @Nullable BiConsumer<Loaded, Row> perRow) {
        List<Loaded> result = new ArrayList<>();
        // A statement over one table with nothing joined returns each row's object once: no de-duplication needed.
        // Rows from a CTE or a set operation (UNION ALL) may repeat an object.
        boolean distinctRows = top.rowLoaders.isEmpty() && top.from == top.mapper.table() && select.froms().size() <= 1
                && select.froms().stream().noneMatch(io.mapper.sql.Join.class::isInstance);
        Set<Object> returned = distinctRows ? Set.of() : Collections.newSetFromMap(new IdentityHashMap<>());
        for (Row row : loader.context().execute(select, top.mapper.entityName(), parameters)) {
            Loaded loaded = top.read(row, distinctRows);
            if (distinctRows || returned.add(loaded.entity())) {
                if (entities != null) {
                    entities.add(loaded.entity());
                } else {
                    result.add(loaded);
                }
            }
            if (perRow != null) {
                perRow.accept(loaded, row);
            }
        }
        finish(top, new LoadPass(loader, plan, origin));
        return result;
    }

    /**
     * Loads the relationships of {@code fresh} objects of {@code mapper} that a statement of the caller's read (a
     * tuple query), with the mappings' strategies; JOINED ones by SELECT ... IN, as there is no statement to join.
     */
    static void relationshipsOf(EntityLoader loader, Mapper<?> mapper, List<InstanceState> fresh, QueryOrigin origin) {
        if (fresh.isEmpty() || mapper.relationships().isEmpty() && mapper.elementCollections().isEmpty()
                && mapper.inheritance() == null) {
            return;
        }
        StatementLoad load = new StatementLoad(loader, mapper, EntityLoader.selectFor(mapper), List.of(),
                LoadPlan.DEFAULT, false, false, mapper.table());
        load.top.fresh.addAll(fresh);
        load.finish(load.top, new LoadPass(loader, LoadPlan.DEFAULT, origin));
    }

    private void finish(Node node, LoadPass pass) {
        for (Map.Entry<RelationshipMapping, LoaderStrategy> entry : node.strategies.entrySet()) {
            if (!node.fresh.isEmpty()) {
                entry.getValue().load(pass, entry.getKey(), node.fresh, append(node.path, entry.getKey().name()));
            }
            if (entry.getValue() instanceof RowLoader rowLoader) {
                finish(rowLoader.target(), pass);
            }
        }
        // Only a class with element collections, or one of a hierarchy whose subclasses may have them, has any to
        // load: the others skip a walk over every fresh object (200,000 of them for a large result).
        boolean mayHaveCollections = node.mapper.inheritance() != null || !node.mapper.elementCollections().isEmpty();
        if (!node.fresh.isEmpty() && mayHaveCollections) {
            ElementCollectionLoader.loadAll(pass, node.fresh, node.path);
        }
    }

    static List<String> append(List<String> path, String name) {
        List<String> extended = new ArrayList<>(path.size() + 1);
        extended.addAll(path);
        extended.add(name);
        return List.copyOf(extended);
    }
}
