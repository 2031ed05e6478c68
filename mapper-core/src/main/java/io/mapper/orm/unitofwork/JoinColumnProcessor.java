package io.mapper.orm.unitofwork;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;

/**
 * A unidirectional one-to-many ({@code @OneToMany @JoinColumn}, JPA's form without {@code mappedBy}): the foreign key
 * lives on the elements' rows but no attribute of the element maps it, so the collection alone decides it. An added
 * element gets the owner's key (with its INSERT when the owner's key is known by then, else an UPDATE once it is);
 * a removed one that no other owner took is deleted with {@code DELETE_ORPHAN}, else its key is set to NULL.
 */
final class JoinColumnProcessor extends DependencyProcessor {

    JoinColumnProcessor(RelationshipMapping relationship) {
        super(relationship);
    }

    private PropertyMapping joinColumn() {
        return java.util.Objects.requireNonNull(relationship.joinColumn(), relationship::toString);
    }

    @Override
    void cascadeDelete(FlushContext flush, InstanceState owner) {
        boolean cascade = relationship.cascades(Cascade.DELETE);
        if (!cascade && relationship.passiveDeletes()) {
            return;
        }
        for (Object child : relatedForDelete(owner)) {
            if (cascade) {
                cascadeDeleteTo(flush, child);
            } else {
                // Without the delete cascade the children stay, no longer referring to the deleted owner.
                release(flush, child);
            }
        }
    }

    @Override
    void presortSaves(FlushContext flush, InstanceState owner) {
        presortCollection(flush, owner);
    }

    @Override
    void process(FlushContext flush) {
        Set<Object> added = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Histories.CollectionChange change : flush.collectionChanges) {
            if (change.relationship() == relationship) {
                for (Object child : change.added()) {
                    added.add(child);
                    CollectionColumnWrites.assign(flush, child, joinColumn(), change.owner().entity());
                }
            }
        }
        for (Histories.CollectionChange change : flush.collectionChanges) {
            if (change.relationship() != relationship) {
                continue;
            }
            for (Object child : change.removed()) {
                if (added.contains(child)) {
                    continue;    // moved to another owner's collection: that owner's key is written
                }
                InstanceState state = flush.objects.stateOf(child);
                if (state == null || state.status() == InstanceState.Status.DELETED) {
                    continue;
                }
                if (relationship.cascades(Cascade.DELETE_ORPHAN)) {
                    flush.delete(state);
                } else {
                    release(flush, child);
                }
            }
        }
        CollectionColumnWrites.positions(flush, relationship);
    }

    /** The child's foreign key (and index) set to NULL: it stays, belonging to no owner. */
    private void release(FlushContext flush, Object child) {
        InstanceState state = flush.objects.stateOf(child);
        if (state == null || state.status() != InstanceState.Status.PERSISTENT) {
            return;
        }
        CollectionColumnWrites.assign(flush, child, joinColumn(), null);
        if (relationship.orderColumn() != null) {
            CollectionColumnWrites.assign(flush, child, relationship.orderColumn(), null);
        }
    }
}
