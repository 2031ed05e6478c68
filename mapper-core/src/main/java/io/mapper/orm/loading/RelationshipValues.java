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

/** Reading and writing relationship properties for the loader strategies. */
final class RelationshipValues {

    private RelationshipValues() {
    }

    /**
     * Puts loaded objects into the owner's property: the reference of a many-to-one (inside its holder, if any), else
     * mapper's own collection (or the single element of a one-to-one's inverse side).
     */
    static void setLoaded(LoadContext context, InstanceState state, RelationshipMapping relationship,
            List<Object> elements) {
        if (relationship.isMap()) {
            Object owner = state.entity();
            PersistentMap<Object, Object> map = new PersistentMap<>(owner, java.util.Map.of(),
                    keyOf(context, relationship), BackReferences.sync(relationship));
            map.loaded(elements);
            relationship.setLoaded(owner, map);
            snapshot(state, relationship, map);
            return;
        }
        setLoaded(state, relationship, elements);
    }

    /** Records what a loaded map holds as the baseline of the next flush: its elements and (by position) keys. */
    static void snapshot(InstanceState state, RelationshipMapping relationship, java.util.Map<?, ?> map) {
        state.collectionSnapshot(relationship, map.values());
        state.collectionSnapshot(relationship.mapKeySnapshot(), map.keySet());
    }

    /**
     * How a loaded map keys an element: by its key attribute, or by the key column its row had (the element's
     * state in the session, which loaded the column with the row).
     */
    @SuppressWarnings("unchecked")
    static java.util.function.Function<Object, @Nullable Object> keyOf(LoadContext context,
            RelationshipMapping relationship) {
        Mapper<Object> target = (Mapper<Object>) relationship.target();
        io.mapper.orm.mapping.PropertyMapping key = java.util.Objects.requireNonNull(relationship.mapKey());
        if (relationship.mapKeyColumn() == null) {
            return element -> target.value(element, key);
        }
        return element -> {
            IdentityKey identity = target.identityKey(element);
            InstanceState elementState = identity == null ? null : context.identityMap().get(identity);
            if (elementState == null) {
                return null;
            }
            if (elementState.isAssigned(key.slot())) {
                return elementState.assigned(key.slot());
            }
            Object[] committed = elementState.committed();
            return committed == null ? null : committed[key.slot()];
        };
    }

    private static void setLoaded(InstanceState state, RelationshipMapping relationship, List<Object> elements) {
        Object owner = state.entity();
        if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_ONE) {
            relationship.setRelatedLoaded(owner, elements.isEmpty() ? null : elements.get(0));
            return;
        }
        if (relationship.isSingleValued()) {
            relationship.setLoaded(owner, elements.isEmpty() ? null : elements.get(0));
        } else if (relationship.isSet()) {
            relationship.setLoaded(owner, new PersistentSet<>(owner, elements, BackReferences.sync(relationship)));
        } else {
            relationship.setLoaded(owner,
                    new PersistentList<>(owner, elements, BackReferences.sync(relationship)));
        }
        state.collectionSnapshot(relationship, elements);
    }

    /** Puts an unloaded collection into the owner's property, which loads through {@code loader} on first use. */
    static void setUnloaded(LoadContext context, InstanceState state, RelationshipMapping relationship,
            CollectionLoader loader) {
        Object owner = state.entity();
        if (relationship.isMap()) {
            relationship.setLoaded(owner, new PersistentMap<>(owner, loader, keyOf(context, relationship),
                    BackReferences.sync(relationship)));
        } else if (relationship.isSet()) {
            relationship.setLoaded(owner, new PersistentSet<>(owner, loader, BackReferences.sync(relationship)));
        } else {
            relationship.setLoaded(owner, new PersistentList<>(owner, loader, BackReferences.sync(relationship)));
        }
    }

    /** The identity key of the target a many-to-one's foreign key referred to as the database row had it, or null. */
    /**
     * The inverse many-to-one of a one-to-many when it is a plain field, which a loader of the collection sets on
     * each fresh element (see {@link #setBackReference}); else null.
     */
    static @Nullable RelationshipMapping backReference(RelationshipMapping collection) {
        RelationshipMapping inverse = collection.inverse();
        return collection.kind() == RelationshipMapping.Kind.ONE_TO_MANY && inverse != null
                && inverse.kind() == RelationshipMapping.Kind.MANY_TO_ONE && !inverse.isHolder() ? inverse : null;
    }

    /**
     * Sets a freshly loaded element's back-reference to the owner whose collection it was loaded into, so that its
     * own reference loader finds it set instead of looking the owner up; that loader checks it against the element's
     * foreign key (an element joined to another owner by a hand-written join is looked up as before).
     */
    static void setBackReference(@Nullable RelationshipMapping backReference, Loaded loaded, InstanceState owner) {
        if (backReference != null && loaded.fresh() && backReference.related(loaded.entity()) == null) {
            backReference.setRelatedLoaded(loaded.entity(), owner.entity());
        }
    }

    static @Nullable IdentityKey targetKey(InstanceState state, RelationshipMapping relationship) {
        return relationship.targetKey(state.committed());
    }

    /**
     * {@code columns = key} for one key (a single column's value, or a list of a composite key's parts): an AND
     * of one comparison per column.
     */
    static io.mapper.sql.Condition keyEquals(List<? extends Expression<?>> columns, Object key) {
        if (columns.size() == 1) {
            return columns.get(0).eq(key);
        }
        List<?> parts = (List<?>) key;
        io.mapper.sql.Condition[] each = new io.mapper.sql.Condition[columns.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = columns.get(i).eq(parts.get(i));
        }
        return io.mapper.sql.Sql.and(each);
    }

    /**
     * {@code columns IN keys}: {@code column IN (...)} for single-column keys, a row-value
     * {@code (a, b) IN ((?, ?), ...)} for composite keys given as lists of their parts.
     */
    @SuppressWarnings("unchecked")
    static io.mapper.sql.Condition keyIn(List<? extends Expression<?>> columns, List<Object> keys) {
        if (columns.size() == 1) {
            return columns.get(0).in(keys);
        }
        return io.mapper.sql.Sql.rowValueIn(columns, (List<List<?>>) (List<?>) keys);
    }

    /** ON {@code left = right} for two lists of columns in the same key order: an AND per key part. */
    static io.mapper.sql.Condition columnsEqual(List<Expression<Object>> left, List<Expression<Object>> right) {
        io.mapper.sql.Condition[] each = new io.mapper.sql.Condition[left.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = left.get(i).eq(right.get(i));
        }
        return io.mapper.sql.Sql.and(each);
    }

    /** {@link #column} for each of {@code columns}. */
    static List<Expression<Object>> columns(TableClause from, List<? extends Column<?>> columns) {
        return columns.stream().map(column -> column(from, column)).toList();
    }

    /** The columns of properties, in order. */
    static List<Column<?>> columnsOf(List<io.mapper.orm.mapping.PropertyMapping> properties) {
        return properties.stream().<Column<?>>map(io.mapper.orm.mapping.PropertyMapping::column).toList();
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
        for (io.mapper.orm.mapping.PropertyMapping key : target.primaryKey()) {
            items.add(column(from, key.column()).asc());
        }
        return items.toArray(ClauseElement[]::new);
    }
}
