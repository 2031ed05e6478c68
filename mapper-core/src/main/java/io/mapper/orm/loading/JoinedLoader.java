package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PolymorphicLoad;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.sql.Condition;
import io.mapper.sql.Expression;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;

/**
 * Loads a relationship with a LEFT OUTER JOIN of an alias of the target's table in the parents' statement
 * (SQLAlchemy's {@code JoinedLoader}, {@code lazy="joined"}): a many-to-one or one-to-one in the same rows, a
 * one-to-many with rows de-duplicated per parent. The alias lets a table join itself (a self-referential
 * reference) and the same table appear on several paths. A collection is ordered by its mapping's ORDER BY after
 * the query's own, or after its parents' keys when the query has no ORDER BY.
 */
final class JoinedLoader extends RowLoader {

    private final TableClause alias;
    /** For a target in an inheritance hierarchy: its tables' aliases, joined as the polymorphic load joins them. */
    private final @Nullable PolymorphicLoad load;

    JoinedLoader(RelationshipMapping relationship, String aliasName) {
        super(relationship);
        Mapper<?> target = relationship.target();
        if (target.inheritance() != null) {
            this.load = target.aliasedLoad(aliasName);    // made once per name: the statement stays cached
            this.alias = load.base();
        } else {
            this.load = null;
            this.alias = target.alias(aliasName);    // the same object each time: the statement stays cached
        }
    }

    @Override
    TableClause from() {
        return alias;
    }

    @Override
    List<Object> columns() {
        return load == null ? super.columns() : new ArrayList<>(load.columns());
    }

    @Override
    Select join(Select select, TableClause parentFrom) {
        Mapper<?> owner = relationship.owner();
        Mapper<?> target = relationship.target();
        Condition on;
        if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
            on = RelationshipValues.columnsEqual(
                    RelationshipValues.columns(alias, RelationshipValues.columnsOf(target.primaryKey())),
                    RelationshipValues.columns(parentFrom, RelationshipValues.columnsOf(relationship.foreignKeys())));
        } else {
            on = RelationshipValues.columnsEqual(RelationshipValues.columns(alias,
                    RelationshipValues.columnsOf(relationship.ownerKeyProperties())),
                    RelationshipValues.columns(parentFrom, RelationshipValues.columnsOf(owner.primaryKey())));
        }
        if (load != null && !load.criteria().isEmpty()) {
            // A single-table subclass target: only its rows may join, so its discriminator criterion joins the ON.
            List<Condition> all = new ArrayList<>(List.of(on));
            all.addAll(load.criteria());
            on = Sql.and(all.toArray(Condition[]::new));
        }
        Select joined = select.outerJoin(alias, on);
        if (load != null) {
            // Subclass tables of a joined-table target: outer joins, as the parent may have no related row at all.
            for (PolymorphicLoad.Step step : load.steps()) {
                joined = joined.outerJoin(step.table(), step.on());
            }
        }
        if (relationship.isSingleValued()) {
            return joined;
        }
        if (select.orderByElements().isEmpty()) {
            // A query without an order of its own gets its parents' keys first: each parent's rows then come
            // together and the collection's order sorts within them, which a database can do from its indexes
            // (PostgreSQL: a merge join and an incremental sort) instead of sorting every joined row.
            for (Expression<Object> key : RelationshipValues.columns(parentFrom,
                    RelationshipValues.columnsOf(owner.primaryKey()))) {
                joined = joined.orderBy(key.asc());
            }
        }
        return joined.orderBy(RelationshipValues.order(relationship, alias));
    }
}
