package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.FetchStrategy;
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

    private final Map<List<String>, FetchStrategy> strategies;
    private final Map<List<String>, Eager> eager;
    private final List<TableClause> joined;

    private LoadPlan(Map<List<String>, FetchStrategy> strategies, Map<List<String>, Eager> eager,
            List<TableClause> joined) {
        this.strategies = Map.copyOf(strategies);
        this.eager = Map.copyOf(eager);
        this.joined = List.copyOf(joined);
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

        private Builder() {
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
            return new LoadPlan(strategies, eager, joined);
        }
    }
}
