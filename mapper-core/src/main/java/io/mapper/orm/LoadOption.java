package io.mapper.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.FetchStrategy;

/**
 * Per-query loading strategies for relationships, overriding the mappings' defaults:
 * {@code selectInLoad("lines").joinedLoad("product")} loads {@code lines} with one extra SELECT ... IN and each
 * line's {@code product} with a join. Paths are relationship property names, dot-separated for deeper levels.
 * Immutable.
 */
public final class LoadOption {

    /** One path and its strategy. */
    record Entry(List<String> path, FetchStrategy strategy) {
    }

    private final List<Entry> entries;

    private LoadOption(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static LoadOption of(String path, FetchStrategy strategy) {
        return new LoadOption(List.of(new Entry(split(path), strategy)));
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

    private LoadOption then(String relationship, FetchStrategy strategy) {
        List<String> path = new ArrayList<>(entries.get(entries.size() - 1).path());
        path.addAll(split(relationship));
        List<Entry> all = new ArrayList<>(entries);
        all.add(new Entry(path, strategy));
        return new LoadOption(all);
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

    List<Entry> entries() {
        return entries;
    }

    /** The strategies of several options by path; later options win. */
    static Map<List<String>, FetchStrategy> merge(List<LoadOption> options) {
        Map<List<String>, FetchStrategy> merged = new java.util.HashMap<>();
        for (LoadOption option : options) {
            for (Entry entry : option.entries) {
                merged.put(entry.path(), entry.strategy());
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    static @Nullable FetchStrategy lookup(Map<List<String>, FetchStrategy> strategies, List<String> path) {
        return strategies.get(path);
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
