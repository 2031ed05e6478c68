package io.mapper.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.loading.LoadPlan;
import io.mapper.sql.TableClause;

/**
 * Per-query loading strategies for relationships, overriding the mappings' defaults:
 * {@code selectInLoad("lines").joinedLoad("product")} loads {@code lines} with one extra SELECT ... IN and each
 * line's {@code product} with a join; {@code containsEager("artist")} fills {@code artist} from a join the query
 * wrote itself. Paths are relationship property names, dot-separated for deeper levels. Immutable.
 */
public final class LoadOption {

    /**
     * One path and its strategy; a contains-eager path has no strategy and reads its objects from the query's join
     * of {@code from} (null: the query's only join of the related table).
     */
    record Entry(List<String> path, @Nullable FetchStrategy strategy, @Nullable TableClause from) {
    }

    private final List<Entry> entries;

    private LoadOption(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static LoadOption of(String path, FetchStrategy strategy) {
        return new LoadOption(List.of(new Entry(split(path), strategy, null)));
    }

    static LoadOption containsEager(String path, @Nullable TableClause from) {
        return new LoadOption(List.of(new Entry(split(path), null, from)));
    }

    private static List<String> split(String path) {
        Objects.requireNonNull(path, "path must not be null: name a relationship, e.g. \"addresses\"");
        List<String> parts = Arrays.stream(path.split("\\.")).map(String::trim).toList();
        if (parts.isEmpty() || parts.stream().anyMatch(String::isEmpty)) {
            throw new io.mapper.exception.ArgumentException("'" + path + "' is not a relationship path; write "
                    + "property names separated by dots, e.g. \"lines.product\".");
        }
        return parts;
    }

    private LoadOption then(String relationship, @Nullable FetchStrategy strategy, @Nullable TableClause from) {
        List<String> path = new ArrayList<>(entries.get(entries.size() - 1).path());
        path.addAll(split(relationship));
        List<Entry> all = new ArrayList<>(entries);
        all.add(new Entry(path, strategy, from));
        return new LoadOption(all);
    }

    private LoadOption then(String relationship, FetchStrategy strategy) {
        return then(relationship, strategy, null);
    }

    /** Also loads {@code relation} of the previous path's objects with SELECT ... IN. */
    public LoadOption selectInLoad(Relation<?, ?> relation) {
        return selectInLoad(relation.name());
    }

    /** Also loads {@code relation} of the previous path's objects with a join. */
    public LoadOption joinedLoad(Relation<?, ?> relation) {
        return joinedLoad(relation.name());
    }

    /** Also loads {@code relationship} of the previous path's objects with SELECT ... IN. */
    public LoadOption selectInLoad(String relationship) {
        return then(relationship, FetchStrategy.SELECT_IN);
    }

    /** Also loads {@code relationship} of the previous path's objects with a join. */
    public LoadOption joinedLoad(String relationship) {
        return then(relationship, FetchStrategy.JOINED);
    }

    /** Leaves {@code relationship} of the previous path's objects to load on first use. */
    public LoadOption lazyLoad(String relationship) {
        return then(relationship, FetchStrategy.LAZY);
    }

    /** Makes first use of {@code relationship} of the previous path's objects raise. */
    public LoadOption raiseLoad(String relationship) {
        return then(relationship, FetchStrategy.RAISE);
    }

    /** Also fills {@code relation} of the previous path's objects from the query's own join of its table. */
    public LoadOption containsEager(Relation<?, ?> relation) {
        return containsEager(relation.name());
    }

    /** Also fills {@code relation} of the previous path's objects from the query's join of {@code alias}. */
    public LoadOption containsEager(Relation<?, ?> relation, TableClause alias) {
        return then(relation.name(), null, Objects.requireNonNull(alias, "alias"));
    }

    /** Also fills {@code relationship} of the previous path's objects from the query's own join of its table. */
    public LoadOption containsEager(String relationship) {
        return then(relationship, null, null);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The loading plan of a query: its options by path (later options win) and the tables it joins. */
    static LoadPlan plan(EntitySelect<?> query) {
        LoadPlan.Builder plan = LoadPlan.builder();
        for (LoadOption option : query.loadOptions()) {
            for (Entry entry : option.entries) {
                if (entry.strategy() == null) {
                    plan.containsEager(entry.path(), entry.from());
                } else {
                    plan.strategy(entry.path(), entry.strategy());
                }
            }
        }
        for (EntitySelect.JoinSpec join : query.joins()) {
            plan.joined(join.table());
        }
        return plan.build();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
