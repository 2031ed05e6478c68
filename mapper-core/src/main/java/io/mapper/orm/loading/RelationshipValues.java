package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;
import io.mapper.schema.Column;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.Expression;
import io.mapper.sql.TableClause;
import io.mapper.types.Conversions;

/** Reading and writing relationship properties for the loader strategies. */
final class RelationshipValues {

    private RelationshipValues() {
    }

    /**
     * Puts loaded objects into the owner's property: the reference of a many-to-one (inside its holder, if any), else
     * mapper's own collection (or the single element of a one-to-one's inverse side).
     */
    static void setLoaded(InstanceState state, RelationshipMapping relationship, List<Object> elements) {
        Object owner = state.entity();
        if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
            relationship.setRelated(owner, elements.isEmpty() ? null : elements.get(0));
            return;
        }
        if (relationship.isSingleValued()) {
            relationship.accessor().set(owner, elements.isEmpty() ? null : elements.get(0));
        } else if (relationship.isSet()) {
            relationship.accessor().set(owner, new PersistentSet<>(owner, elements, BackReferences.sync(relationship)));
        } else {
            relationship.accessor().set(owner,
                    new PersistentList<>(owner, elements, BackReferences.sync(relationship)));
        }
        state.collectionSnapshot(relationship, elements);
    }

    /** Puts an unloaded collection into the owner's property, which loads through {@code loader} on first use. */
    static void setUnloaded(InstanceState state, RelationshipMapping relationship, CollectionLoader loader) {
        Object owner = state.entity();
        if (relationship.isSet()) {
            relationship.accessor().set(owner, new PersistentSet<>(owner, loader, BackReferences.sync(relationship)));
        } else {
            relationship.accessor().set(owner, new PersistentList<>(owner, loader, BackReferences.sync(relationship)));
        }
    }

    /** The foreign key of a many-to-one as the database row had it, or null. */
    static @Nullable Object foreignKey(InstanceState state, RelationshipMapping relationship) {
        Object[] committed = state.committed();
        return committed == null ? null : committed[relationship.foreignKey().slot()];
    }

    /** The identity key of the many-to-one's target with the key value {@code raw}. */
    static IdentityKey targetKey(RelationshipMapping relationship, Object raw) {
        Mapper<?> target = relationship.target();
        Class<?> keyType = target.primaryKey().get(0).column().type().javaType();
        return new IdentityKey(target.identityType(), Conversions.convert(raw, keyType));
    }

    /**
     * A table's column for {@code column} of a mapped table: the column itself when {@code from} is a mapped table (in
     * a joined-table hierarchy the column may be in a subclass's table, which the statement joins), or an alias's.
     */
    @SuppressWarnings("unchecked")
    static Expression<Object> column(TableClause from, Column<?> column) {
        if (from instanceof io.mapper.schema.Table) {
            return (Expression<Object>) (Expression<?>) column;
        }
        return (Expression<Object>) (Expression<?>) from.column(column.name());
    }

    /** A collection's ORDER BY over {@code from} (the target's table or an alias): the mapping's, then the key. */
    static ClauseElement[] order(RelationshipMapping relationship, TableClause from) {
        Mapper<?> target = relationship.target();
        List<ClauseElement> items = new ArrayList<>();
        if (relationship.orderColumn() != null) {
            // An @OrderColumn list comes in its stored order (the key breaks ties, as for NULL indexes).
            items.add(column(from, relationship.orderColumn().column()).asc());
        }
        for (RelationshipMapping.Order order : relationship.orderBy()) {
            Expression<Object> column = column(from, target.property(order.property()).column());
            items.add(order.descending() ? column.desc() : column.asc());
        }
        // Without an explicit order, elements come in key order, so results are repeatable.
        items.add(column(from, target.primaryKey().get(0).column()).asc());
        return items.toArray(ClauseElement[]::new);
    }
}
