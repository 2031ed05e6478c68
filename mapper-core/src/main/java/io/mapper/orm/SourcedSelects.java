package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.mapping.LoadedColumns;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.CompoundSelect;
import io.mapper.sql.Condition;
import io.mapper.sql.OrderByElement;
import io.mapper.sql.Select;
import io.mapper.sql.SelectBase;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;

/**
 * Entity queries whose rows come from elsewhere than the entity's table (SQLAlchemy's {@code aliased(Entity, cte)}
 * and ORM set operations): a CTE or subquery of the entity's columns, or a UNION/INTERSECT/EXCEPT of entity queries
 * wrapped as {@code (...) AS anon_1}. Builds the outer Core SELECT of the entity's columns from that source. Stateless.
 */
final class SourcedSelects {

    /** The name of the subquery a set operation of entity queries is read from, as SQLAlchemy names it. */
    static final String ANONYMOUS = "anon_1";

    private SourcedSelects() {
    }

    /**
     * The table the entities' rows are read from: the query's CTE or subquery, or its set operation's parts (each
     * built by {@code part}, the session's entity SELECT with its WHERE and global filters) as a subquery.
     */
    static TableClause from(EntitySelect<?> query, LoadedColumns columns,
            BiFunction<EntitySelect<?>, LoadedColumns, Select> part) {
        EntitySelect.Source source = Objects.requireNonNull(query.source());
        if (source.from() != null) {
            return source.from();
        }
        CompoundSelect.Operator operator = Objects.requireNonNull(source.operator());
        List<SelectBase> parts = new ArrayList<>(source.parts().size());
        for (EntitySelect<?> each : source.parts()) {
            if (!each.orderByItems().isEmpty() || each.limitValue() != null || each.offsetValue() != null
                    || each.rowLock() != null) {
                throw new ArgumentException("A query inside " + operator.sql() + " has ORDER BY, LIMIT, OFFSET or a "
                        + "lock, which not every database accepts there. Give them to the combined query: "
                        + "select(A.class).where(...)." + operator.name().toLowerCase(java.util.Locale.ROOT)
                        + "(...).orderBy(...).limit(...).");
            }
            parts.add(part.apply(each, columns));
        }
        SelectBase first = parts.get(0);
        SelectBase[] others = parts.subList(1, parts.size()).toArray(SelectBase[]::new);
        CompoundSelect compound = switch (operator) {
            case UNION -> first.union(others);
            case UNION_ALL -> first.unionAll(others);
            case INTERSECT -> first.intersect(others);
            case EXCEPT -> first.except(others);
        };
        return compound.subquery(ANONYMOUS);
    }

    /** {@code SELECT from.col, ... FROM from} for the loaded columns, checked to be there, with the query's clauses. */
    static Select select(Mapper<?> mapper, EntitySelect<?> query, LoadedColumns columns, TableClause from) {
        List<Object> selected = new ArrayList<>(columns.width());
        for (PropertyMapping property : columns.selected()) {
            String name = property.column().name();
            if (!from.hasColumn(name)) {
                throw new ArgumentException(mapper.entityName() + " objects are read from '" + from.name() + "', "
                        + "which has no column '" + name + "' for " + mapper.entityName() + "." + property.path()
                        + "; its columns are " + from.columns().stream().map(ColumnClause::name).toList() + ". "
                        + "Select every column of the entity in it, under the same names.");
            }
            selected.add(from.column(name));
        }
        if (!query.joins().isEmpty() || !query.groupByItems().isEmpty()) {
            throw new ArgumentException("A query reading " + mapper.entityName() + " objects from '" + from.name()
                    + "' cannot join or group; do that inside the CTE or the queries of the set operation.");
        }
        Select select = Sql.select(selected.toArray()).from(from);
        if (!query.whereConditions().isEmpty()) {
            select = select.where(query.whereConditions().toArray(Condition[]::new));
        }
        if (!query.orderByItems().isEmpty()) {
            List<ClauseElement> order = new ArrayList<>();
            for (ClauseElement item : query.orderByItems()) {
                order.add(adapt(item, mapper, from));
            }
            select = select.orderBy(order.toArray(ClauseElement[]::new));
        }
        select = SessionLoading.distinctAndPaging(select, query.isDistinct(), query.limitValue(), query.offsetValue());
        return query.rowLock() == null ? select : select.lock(query.rowLock());
    }

    /** An ORDER BY item on the entity's own column, read from the source's column of that name instead. */
    private static ClauseElement adapt(ClauseElement item, Mapper<?> mapper, TableClause from) {
        if (item instanceof OrderByElement element) {
            ClauseElement adapted = adapt(element.expression(), mapper, from);
            return adapted == element.expression() ? item
                    : new OrderByElement((io.mapper.sql.Expression<?>) adapted, element.descending(), element.nulls());
        }
        if (item instanceof ColumnClause<?> column && column.table() != null
                && column.table().name().equals(mapper.table().name()) && from.hasColumn(column.name())) {
            return from.column(column.name());
        }
        return item;
    }
}
