package io.mapper.orm.unitofwork;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;

/**
 * Assigns the columns a collection writes into its elements' rows (a list's order column, a unidirectional
 * one-to-many's foreign key) for the running flush. An assignment is written with the element's INSERT, or as an
 * UPDATE of only the elements whose value differs from their row's (the element's mapper compares them).
 */
final class CollectionColumnWrites {

    private CollectionColumnWrites() {
    }

    /**
     * Gives every element of each changed (or reordered) list of {@code relationship} its index, and takes the index
     * from elements removed from a list without being put into another one.
     */
    static void positions(FlushContext flush, RelationshipMapping relationship) {
        PropertyMapping order = relationship.orderColumn();
        if (order == null) {
            return;
        }
        Set<Object> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Histories.CollectionChange change : flush.collectionChanges) {
            if (change.relationship() != relationship) {
                continue;
            }
            List<Object> current = Histories.current(change.owner().entity(), relationship);
            if (current == null) {
                continue;
            }
            for (int index = 0; index < current.size(); index++) {
                Object element = current.get(index);
                if (placed.add(element)) {
                    assign(flush, element, order, index);
                }
            }
        }
        for (Histories.CollectionChange change : flush.collectionChanges) {
            if (change.relationship() == relationship) {
                for (Object element : change.removed()) {
                    if (!placed.contains(element)) {
                        assign(flush, element, order, null);
                    }
                }
            }
        }
    }

    /** Assigns one element's slot, unless the element is being deleted; a persistent one is checked for changes. */
    static void assign(FlushContext flush, Object element, PropertyMapping slot, @Nullable Object value) {
        InstanceState state = flush.objects.stateOf(element);
        if (state == null || state.status() == InstanceState.Status.DELETED) {
            return;
        }
        state.assign(slot.slot(), value);
        flush.assigned.add(state);
        if (state.status() == InstanceState.Status.PERSISTENT) {
            flush.journal.record(state);
            flush.reconciled.add(state);
        }
    }
}
