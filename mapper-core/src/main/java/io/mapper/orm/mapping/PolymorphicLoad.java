package io.mapper.orm.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.annotation.InheritanceType;
import io.mapper.schema.Table;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.Join;
import io.mapper.sql.SelectBase;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;
import io.mapper.types.Conversions;

/**
 * How one statement loads a class of an inheritance hierarchy together with its subclasses, each row as its own class
 * and complete (SQLAlchemy's {@code with_polymorphic("*")}): the columns to select, the FROM (the shared table; the
 * base table LEFT OUTER JOINed to each subclass table; or a UNION ALL of the concrete tables), the criterion that
 * restricts a single-table subclass to its rows, and where each class's slots are in a row. Immutable.
 */
public final class PolymorphicLoad {

    /** The name of the discriminator column a table-per-class UNION ALL selects as a literal per table. */
    public static final String UNION_DISCRIMINATOR = "row_type";

    /** One join of the FROM after its first table. */
    public record Step(TableClause table, Condition on, boolean outer) {
    }

    private final Mapper<?> mapper;
    private final TableClause base;
    private final List<Step> steps;
    private final List<Expression<?>> columns;
    private final List<Condition> criteria;
    private final int discriminatorIndex;
    private final @Nullable Class<?> discriminatorType;
    private final Map<Object, Mapper<?>> byValue;
    private final Map<Mapper<?>, int[]> indexes;

    private PolymorphicLoad(Mapper<?> mapper, TableClause base, List<Step> steps, List<Expression<?>> columns,
            List<Condition> criteria, int discriminatorIndex, @Nullable Class<?> discriminatorType,
            Map<Object, Mapper<?>> byValue, Map<Mapper<?>, int[]> indexes) {
        this.mapper = mapper;
        this.base = base;
        this.steps = List.copyOf(steps);
        this.columns = List.copyOf(columns);
        this.criteria = List.copyOf(criteria);
        this.discriminatorIndex = discriminatorIndex;
        this.discriminatorType = discriminatorType;
        this.byValue = byValue;
        this.indexes = indexes;
    }

    /** The load of {@code mapper} (in a hierarchy) over its tables as mapped. */
    static PolymorphicLoad of(Mapper<?> mapper) {
        return of(mapper, table -> table, mapper.table().name());
    }

    /**
     * The load of {@code mapper} with each table read through {@code as} (an alias in a joined eager load); a
     * table-per-class UNION ALL is named {@code unionName}.
     */
    public static PolymorphicLoad of(Mapper<?> mapper, Function<Table, TableClause> as, String unionName) {
        InheritanceMapping inheritance = Objects.requireNonNull(mapper.inheritance(), mapper + " is in no hierarchy");
        List<Mapper<?>> members = inheritance.selfAndDescendants(mapper);
        Map<Object, Mapper<?>> byValue = new HashMap<>();
        PropertyMapping discriminator = inheritance.root().inheritance().discriminator();
        Class<?> discriminatorType = discriminator == null ? String.class
                : discriminator.column().type().javaType();
        for (Mapper<?> member : members) {
            Object value = member.inheritance().discriminatorValue();
            if (value != null) {
                byValue.put(Conversions.convert(value, discriminatorType), member);
            }
        }
        if (inheritance.strategy() == InheritanceType.TABLE_PER_CLASS && members.size() > 1) {
            return union(mapper, members, as, unionName, byValue);
        }
        Map<Mapper<?>, int[]> indexes = new IdentityHashMap<>();
        List<Expression<?>> columns = new ArrayList<>();
        Map<io.mapper.schema.Column<?>, Integer> positions = new IdentityHashMap<>();
        for (Mapper<?> member : members) {
            Mapper<?> parent = member == mapper ? null : member.inheritance().parent();
            int inherited = parent == null ? 0 : parent.properties().size();
            int[] index = new int[member.properties().size()];
            if (parent != null) {
                System.arraycopy(indexes.get(parent), 0, index, 0, inherited);
            }
            for (int slot = inherited; slot < index.length; slot++) {
                io.mapper.schema.Column<?> column = member.properties().get(slot).column();
                Integer position = positions.get(column);
                if (position == null) {
                    position = columns.size();
                    positions.put(column, position);
                    columns.add(column(as, column));
                }
                index[slot] = position;
            }
            indexes.put(member, index);
        }
        List<Step> steps = new ArrayList<>();
        List<Condition> criteria = new ArrayList<>();
        TableClause base = as.apply(mapper.table());
        if (inheritance.strategy() == InheritanceType.JOINED) {
            List<TablePart> own = mapper.tableParts();
            for (int i = 1; i < own.size(); i++) {
                steps.add(new Step(as.apply(own.get(i).table()), keysEqual(as, own.get(0), own.get(i)), false));
            }
            for (Mapper<?> member : members) {
                List<TablePart> parts = member.tableParts();
                if (member != mapper && parts.size() > member.inheritance().parent().tableParts().size()) {
                    TablePart local = parts.get(parts.size() - 1);
                    steps.add(new Step(as.apply(local.table()), keysEqual(as, parts.get(0), local), true));
                }
            }
        } else if (inheritance.strategy() == InheritanceType.SINGLE_TABLE && mapper != inheritance.root()
                && discriminator != null) {
            criteria.add(column(as, discriminator.column()).in(new ArrayList<>(byValue.keySet())));
        }
        int discriminatorIndex = members.size() > 1 && discriminator != null ? discriminator.slot() : -1;
        return new PolymorphicLoad(mapper, base, steps, columns, criteria, discriminatorIndex, discriminatorType,
                byValue, indexes);
    }

    /** {@code (SELECT ..., 'dog' AS row_type FROM dog UNION ALL SELECT ...) AS name}: one SELECT per concrete class. */
    private static PolymorphicLoad union(Mapper<?> mapper, List<Mapper<?>> members, Function<Table, TableClause> as,
            String unionName, Map<Object, Mapper<?>> byValue) {
        Map<String, io.mapper.schema.Column<?>> unionColumns = new LinkedHashMap<>();
        for (Mapper<?> member : members) {
            for (PropertyMapping property : member.properties()) {
                unionColumns.putIfAbsent(property.column().name(), property.column());
            }
        }
        List<SelectBase> parts = new ArrayList<>();
        for (Mapper<?> member : members) {
            Object value = member.inheritance().discriminatorValue();
            if (value == null) {
                continue;    // an abstract class has no rows of its own
            }
            TableClause table = member.table();
            List<Object> selected = new ArrayList<>();
            for (Map.Entry<String, io.mapper.schema.Column<?>> entry : unionColumns.entrySet()) {
                boolean has = member.properties().stream()
                        .anyMatch(property -> property.column().name().equals(entry.getKey()));
                selected.add(has ? table.column(entry.getKey())
                        : Sql.literalColumn("NULL", entry.getValue().type()).label(entry.getKey()));
            }
            selected.add(Sql.inlineLiteral(value.toString()).label(UNION_DISCRIMINATOR));
            parts.add(Sql.select(selected.toArray()).from(table));
        }
        SelectBase union = parts.size() == 1 ? parts.get(0)
                : parts.get(0).unionAll(parts.subList(1, parts.size()).toArray(SelectBase[]::new));
        TableClause subquery = union.subquery(unionName);
        List<Expression<?>> columns = new ArrayList<>(subquery.columns());
        List<String> names = new ArrayList<>(unionColumns.keySet());
        Map<Mapper<?>, int[]> indexes = new IdentityHashMap<>();
        for (Mapper<?> member : members) {
            int[] index = new int[member.properties().size()];
            for (int slot = 0; slot < index.length; slot++) {
                index[slot] = names.indexOf(member.properties().get(slot).column().name());
            }
            indexes.put(member, index);
        }
        return new PolymorphicLoad(mapper, subquery, List.of(), columns, List.of(), names.size(), String.class,
                byValue, indexes);
    }

    private static Condition keysEqual(Function<Table, TableClause> as, TablePart base, TablePart local) {
        List<Condition> on = new ArrayList<>();
        for (int i = 0; i < local.primaryKey().size(); i++) {
            on.add(column(as, local.primaryKey().get(i).column()).eq(column(as, base.primaryKey().get(i).column())));
        }
        return on.size() == 1 ? on.get(0) : Sql.and(on.toArray(Condition[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Expression<Object> column(Function<Table, TableClause> as, io.mapper.schema.Column<?> column) {
        Table table = (Table) Objects.requireNonNull(column.table());
        TableClause from = as.apply(table);
        return (Expression<Object>) (from == table ? column : from.column(column.name()));
    }

    /** The mapper queried. */
    public Mapper<?> mapper() {
        return mapper;
    }

    /** The first table of the FROM (the base table, its alias, or the UNION ALL subquery). */
    public TableClause base() {
        return base;
    }

    /** The joins after {@link #base()}: inner ones up to the queried class's table, outer ones to subclass tables. */
    public List<Step> steps() {
        return steps;
    }

    /** The FROM item: {@link #base()} with its {@link #steps()}. */
    public ClauseElement from() {
        if (steps.isEmpty()) {
            return base;
        }
        Join join = null;
        for (Step step : steps) {
            if (join == null) {
                join = step.outer() ? Sql.outerJoin(base, step.table(), step.on()) : Sql.join(base, step.table(),
                        step.on());
            } else {
                join = step.outer() ? join.outerJoin(step.table(), step.on()) : join.join(step.table(), step.on());
            }
        }
        return join;
    }

    /** The columns to select, in row order. */
    public List<Expression<?>> columns() {
        return columns;
    }

    /** The WHERE criteria a query of this class adds (a single-table subclass's discriminator IN ...). */
    public List<Condition> criteria() {
        return criteria;
    }

    /** The class of the row whose columns start at {@code offset}; raises for a value no mapped class has. */
    public Mapper<?> mapperOf(io.mapper.engine.Row row, int offset) {
        if (discriminatorIndex < 0) {
            return mapper;
        }
        Object raw = row.get(offset + discriminatorIndex);
        Mapper<?> found = raw == null ? null : byValue.get(Conversions.convert(raw, discriminatorType));
        if (found == null) {
            throw new InvalidRequestException("A row loaded as " + mapper.entityName() + " has the discriminator "
                    + "value " + (raw == null ? "NULL" : "'" + raw + "'") + ", which no mapped class of its "
                    + "hierarchy has (known: " + byValue.keySet() + "). Map the subclass with that "
                    + "@DiscriminatorValue, or fix the row.");
        }
        return found;
    }

    /** Where each slot of {@code member}'s values is among {@link #columns()}. */
    public int[] indexes(Mapper<?> member) {
        return Objects.requireNonNull(indexes.get(member), () -> member + " is not loaded by " + this);
    }

    @Override
    public String toString() {
        return "PolymorphicLoad[" + mapper.entityName() + "]";
    }
}
