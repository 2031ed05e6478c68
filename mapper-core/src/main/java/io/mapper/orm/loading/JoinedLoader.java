package io.mapper.orm.loading;

import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.sql.Condition;
import io.mapper.sql.Select;
import io.mapper.sql.Sql;
import io.mapper.sql.TableAlias;
import io.mapper.sql.TableClause;

/**
 * Loads a relationship with a LEFT OUTER JOIN of an alias of the target's table in the parents' statement
 * (SQLAlchemy's {@code JoinedLoader}, {@code lazy="joined"}): a many-to-one or one-to-one in the same rows, a
 * one-to-many with rows de-duplicated per parent. The alias lets a table join itself (a self-referential
 * reference) and the same table appear on several paths. A collection is ordered by its mapping's ORDER BY after
 * the query's own.
 */
final class JoinedLoader extends RowLoader {

    private final TableAlias alias;

    JoinedLoader(RelationshipMapping relationship, String aliasName) {
        super(relationship);
        this.alias = Sql.alias(relationship.target().table(), aliasName);
    }

    @Override
    TableClause from() {
        return alias;
    }

    @Override
    Select join(Select select, TableClause parentFrom) {
        Mapper<?> owner = relationship.owner();
        Mapper<?> target = relationship.target();
        Condition on;
        if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
            on = RelationshipValues.column(alias, target.primaryKey().get(0).column())
                    .eq(RelationshipValues.column(parentFrom, relationship.foreignKey().column()));
        } else {
            on = RelationshipValues.column(alias, relationship.inverse().foreignKey().column())
                    .eq(RelationshipValues.column(parentFrom, owner.primaryKey().get(0).column()));
        }
        Select joined = select.outerJoin(alias, on);
        return relationship.isSingleValued() ? joined : joined.orderBy(RelationshipValues.order(relationship, alias));
    }
}
