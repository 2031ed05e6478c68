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

    /** A column option for the objects at {@code path}: defer, undefer or load only the named properties. */
    record ColumnEntry(List<String> path, LoadPlan.ColumnMode mode, List<String> properties,
            @Nullable Class<?> entityType) {
    }

    private final List<Entry> entries;
    private final List<ColumnEntry> columns;

    private LoadOption(List<Entry> entries) {
        this(entries, List.of());
    }

    private LoadOption(List<Entry> entries, List<ColumnEntry> columns) {
        this.entries = List.copyOf(entries);
        this.columns = List.copyOf(columns);
    }

    /** A column option for the query's own entity: {@code defer("body")}, {@code loadOnly("id", "title")}. */
    static LoadOption columns(LoadPlan.ColumnMode mode, String... properties) {
        return new LoadOption(List.of(), List.of(columnEntry(List.of(), mode, null, properties)));
    }

    /** As {@link #columns(LoadPlan.ColumnMode, String...)}, naming them by metamodel attributes of one entity. */
    static LoadOption columns(LoadPlan.ColumnMode mode, Attribute<?, ?>... attributes) {
        return new LoadOption(List.of(), List.of(columnEntry(List.of(), mode, entityOf(attributes),
                names(attributes))));
    }

    private static ColumnEntry columnEntry(List<String> path, LoadPlan.ColumnMode mode, @Nullable Class<?> entity,
            String... properties) {
        if (properties.length == 0) {
            throw new io.mapper.exception.ArgumentException("Name at least one property, e.g. defer(\"body\") or "
                    + "loadOnly(Document_.title).");
        }
        for (String property : properties) {
            Objects.requireNonNull(property, "a property name is null");
        }
        return new ColumnEntry(path, mode, List.of(properties), entity);
    }

    private static String[] names(Attribute<?, ?>... attributes) {
        return Arrays.stream(attributes).map(attribute -> Objects.requireNonNull(attribute, "an attribute is null")
                .property()).toArray(String[]::new);
    }

    private static @Nullable Class<?> entityOf(Attribute<?, ?>... attributes) {
        Class<?> entity = null;
        for (Attribute<?, ?> attribute : attributes) {
            if (entity != null && attribute.entityType() != entity) {
                throw new io.mapper.exception.ArgumentException("A column option names attributes of one entity; "
                        + "got " + entity.getSimpleName() + " and " + attribute.entityType().getSimpleName()
                        + ". Use one option per entity.");
            }
            entity = attribute.entityType();
        }
        return entity;
    }

    private LoadOption thenColumns(LoadPlan.ColumnMode mode, String... properties) {
        List<String> path = entries.isEmpty() ? List.of() : entries.get(entries.size() - 1).path();
        List<ColumnEntry> all = new ArrayList<>(columns);
        all.add(columnEntry(path, mode, null, properties));
        return new LoadOption(entries, all);
    }

    /** Also defers these columns of the previous path's objects ({@code selectInLoad("mails").defer("body")}). */
    public LoadOption defer(String... properties) {
        return thenColumns(LoadPlan.ColumnMode.DEFER, properties);
    }

    /** Also loads these deferred columns of the previous path's objects with them. */
    public LoadOption undefer(String... properties) {
        return thenColumns(LoadPlan.ColumnMode.UNDEFER, properties);
    }

    /** Also loads only these columns (and the keys) of the previous path's objects. */
    public LoadOption loadOnly(String... properties) {
        return thenColumns(LoadPlan.ColumnMode.LOAD_ONLY, properties);
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
        List<String> path = new ArrayList<>(entries.isEmpty() ? List.of() : entries.get(entries.size() - 1).path());
        path.addAll(split(relationship));
        List<Entry> all = new ArrayList<>(entries);
        all.add(new Entry(path, strategy, from));
        return new LoadOption(all, columns);
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
        columnsInto(plan, query.entityType(), query.loadOptions());
        return plan.build();
    }

    /** The loading plan of {@code session.get(type, id, options)}: column options only. */
    static LoadPlan plan(Class<?> entityType, List<LoadOption> options) {
        LoadPlan.Builder plan = LoadPlan.builder();
        for (LoadOption option : options) {
            if (!option.entries.isEmpty()) {
                throw new io.mapper.exception.ArgumentException("get(..., options) takes column options (defer, "
                        + "undefer, loadOnly); load relationships with a query: select(" + entityType.getSimpleName()
                        + ".class).where(...).options(" + option + ").");
            }
        }
        columnsInto(plan, entityType, options);
        return plan.build();
    }

    private static void columnsInto(LoadPlan.Builder plan, Class<?> entityType, List<LoadOption> options) {
        for (LoadOption option : options) {
            for (ColumnEntry entry : option.columns) {
                if (entry.path().isEmpty() && entry.entityType() != null
                        && !entry.entityType().isAssignableFrom(entityType)) {
                    throw new io.mapper.exception.ArgumentException(entry.mode().name().toLowerCase(
                            java.util.Locale.ROOT) + " names attributes of " + entry.entityType().getSimpleName()
                            + ", but the query selects " + entityType.getSimpleName() + ". Name "
                            + entityType.getSimpleName() + "'s attributes, or reach the other entity through a "
                            + "relationship option: selectInLoad(\"...\").defer(\"...\").");
                }
                plan.columns(entry.path(), entry.mode(), entry.properties());
            }
        }
    }

    @Override
    public String toString() {
        return columns.isEmpty() ? entries.toString() : entries + " " + columns;
    }
}
