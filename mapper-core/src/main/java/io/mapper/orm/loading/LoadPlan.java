package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.sql.TableClause;

/**
 * The loading strategies one query asks for, by relationship path ({@code ["lines", "product"]}), over the
 * mappings' defaults; and the tables the query joined, which {@code containsEager} paths read their objects from.
 * Built by the session from a query's {@code LoadOption}s. Immutable.
 */
public final class LoadPlan {

    /** No options: every relationship loads as its mapping says. */
    public static final LoadPlan DEFAULT = builder().build();

    /** A contains-eager path: its objects come from the query's own join of {@code from} (null: find the join). */
    record Eager(@Nullable TableClause from) {
    }

    /** What a column option does to the columns it names. */
    public enum ColumnMode {
        /** Leave them out; loaded on first access ({@code defer}). */
        DEFER,
        /** Leave them out; first access raises ({@code defer(..., raise)}). */
        DEFER_RAISE,
        /** Load them, deferred by the mapping or not ({@code undefer}). */
        UNDEFER,
        /** Load these and the key, defer every other column ({@code loadOnly}). */
        LOAD_ONLY
    }

    /** One column option for the objects at a path, in the order the query gave them. */
    record ColumnChoice(ColumnMode mode, List<String> properties) {
    }

    private final Map<List<String>, FetchStrategy> strategies;
    private final Map<List<String>, Eager> eager;
    private final List<TableClause> joined;
    private final Map<List<String>, List<ColumnChoice>> columns;

    private LoadPlan(Map<List<String>, FetchStrategy> strategies, Map<List<String>, Eager> eager,
            List<TableClause> joined, Map<List<String>, List<ColumnChoice>> columns) {
        this.strategies = Map.copyOf(strategies);
        this.eager = Map.copyOf(eager);
        this.joined = List.copyOf(joined);
        this.columns = Map.copyOf(columns);
    }

    /**
     * The columns a statement loads for {@code mapper}'s objects at {@code path}: the mapping's choice with the
     * query's column options applied in order. A name that is not a column property, or is a key, version or
     * foreign key (never deferred), raises naming the entity's properties.
     */
    public LoadedColumns columns(List<String> path, Mapper<?> mapper) {
        List<ColumnChoice> choices = columns.get(path);
        if (choices == null) {
            return mapper.defaultColumns();
        }
        int size = mapper.properties().size();
        Boolean[] load = new Boolean[size];
        boolean[] raise = new boolean[size];
        for (ColumnChoice choice : choices) {
            List<PropertyMapping> named = new ArrayList<>(choice.properties().size());
            for (String name : choice.properties()) {
                named.add(columnProperty(mapper, name, choice.mode()));
            }
            if (choice.mode() == ColumnMode.LOAD_ONLY) {
                for (PropertyMapping property : mapper.properties()) {
                    if (mapper.isDeferrable(property) && !named.contains(property)) {
                        defer(mapper, property, "loadOnly");
                        load[property.slot()] = false;
                        raise[property.slot()] = false;
                    }
                }
            }
            for (PropertyMapping property : named) {
                boolean deferIt = choice.mode() == ColumnMode.DEFER || choice.mode() == ColumnMode.DEFER_RAISE;
                if (deferIt) {
                    defer(mapper, property, "defer");
                }
                load[property.slot()] = !deferIt;
                raise[property.slot()] = choice.mode() == ColumnMode.DEFER_RAISE;
            }
        }
        return mapper.defaultColumns().with(load, raise);
    }

    private static PropertyMapping columnProperty(Mapper<?> mapper, String name, ColumnMode mode) {
        PropertyMapping property = mapper.property(name);
        if (mode != ColumnMode.UNDEFER && mode != ColumnMode.LOAD_ONLY && !mapper.isDeferrable(property)) {
            throw new ArgumentException(mapper.entityName() + "." + name + " cannot be deferred: keys, versions, "
                    + "foreign keys and embedded values are always loaded. Defer other columns.");
        }
        if (mode == ColumnMode.DEFER_RAISE && !mapper.isDeferredHolder(property)) {
            throw new ArgumentException(mapper.entityName() + "." + name + " is a plain field, whose first access "
                    + "mapper cannot see, so it cannot raise. Declare it as Deferred<...>, or use defer() without "
                    + "raising.");
        }
        return property;
    }

    private static void defer(Mapper<?> mapper, PropertyMapping property, String option) {
        if (mapper.isPrimitive(property)) {
            throw new ArgumentException(option + " would leave " + mapper.entityName() + "." + property.path()
                    + " unloaded, but it is a primitive field, which cannot stay unset. Declare it with a boxed "
                    + "type (Integer, Long, ...) or as Deferred<...>, or load it.");
        }
    }

    /** A builder; later entries for a path replace earlier ones. */
    public static Builder builder() {
        return new Builder();
    }

    /** The strategy for the relationship at {@code path}: the query's, else the mapping's. */
    FetchStrategy strategy(List<String> path, FetchStrategy mapping) {
        return strategies.getOrDefault(path, mapping);
    }

    /** Whether the query names a strategy for this path (rather than leaving the mapping's default). */
    boolean isExplicit(List<String> path) {
        return strategies.containsKey(path) || eager.containsKey(path);
    }

    @Nullable Eager eager(List<String> path) {
        return eager.get(path);
    }

    /** The tables (and aliases) the query joined, in order. */
    List<TableClause> joined() {
        return joined;
    }

    /** Builds a {@link LoadPlan}. */
    public static final class Builder {
        private final Map<List<String>, FetchStrategy> strategies = new HashMap<>();
        private final Map<List<String>, Eager> eager = new HashMap<>();
        private final List<TableClause> joined = new ArrayList<>();
        private final Map<List<String>, List<ColumnChoice>> columns = new HashMap<>();

        private Builder() {
        }

        /** Applies a column option to the objects at {@code path} (empty: the query's own entity). */
        public Builder columns(List<String> path, ColumnMode mode, List<String> properties) {
            columns.computeIfAbsent(List.copyOf(path), unused -> new ArrayList<>())
                    .add(new ColumnChoice(Objects.requireNonNull(mode, "mode"), List.copyOf(properties)));
            return this;
        }

        /** Loads the relationship at {@code path} with {@code strategy}. */
        public Builder strategy(List<String> path, FetchStrategy strategy) {
            List<String> key = List.copyOf(path);
            eager.remove(key);
            strategies.put(key, Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /**
         * Fills the relationship at {@code path} from columns of a table the query joined: {@code from} when given
         * (an alias, say), else the query's join of the related entity's table.
         */
        public Builder containsEager(List<String> path, @Nullable TableClause from) {
            List<String> key = List.copyOf(path);
            strategies.remove(key);
            eager.put(key, new Eager(from));
            return this;
        }

        /** Records a table (or alias) the query joins. */
        public Builder joined(TableClause table) {
            joined.add(Objects.requireNonNull(table, "table"));
            return this;
        }

        /** The plan. */
        public LoadPlan build() {
            Map<List<String>, List<ColumnChoice>> copy = new HashMap<>();
            columns.forEach((path, choices) -> copy.put(path, List.copyOf(choices)));
            return new LoadPlan(strategies, eager, joined, copy);
        }
    }
}
