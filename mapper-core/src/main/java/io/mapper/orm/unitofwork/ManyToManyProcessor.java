package io.mapper.orm.unitofwork;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.loading.BackReferences;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;

/**
 * A many-to-many: the link lives in association-table rows. Changes of either side's loaded collection become
 * row inserts and deletes (one per pair, whichever side changed); a pair added on one side and removed on the
 * other in the same flush is a contradiction. Afterwards the other side's loaded collections show the links.
 */
final class ManyToManyProcessor extends DependencyProcessor {

    ManyToManyProcessor(RelationshipMapping relationship) {
        super(relationship);
    }

    /** The owning side's relationship (the one without {@code mappedBy}). */
    private @Nullable RelationshipMapping owning() {
        return relationship.ownsAssociation() ? relationship : relationship.inverse();
    }

    @Override
    void cascadeDelete(FlushContext flush, InstanceState owner) {
        for (Object related : relationship.cascades(io.mapper.orm.annotation.Cascade.DELETE)
                ? relatedForDelete(owner) : List.of()) {
            cascadeDeleteTo(flush, related);
        }
    }

    @Override
    void presortSaves(FlushContext flush, InstanceState owner) {
        presortCollection(flush, owner);
    }

    @Override
    void process(FlushContext flush) {
        RelationshipMapping owning = owning();
        if (owning == null) {
            return;    // an inverse side without an owning side: nothing to write
        }
        for (Histories.CollectionChange change : flush.collectionChanges) {
            if (change.relationship() != relationship) {
                continue;
            }
            for (Object element : change.added()) {
                link(flush, change.owner(), element, true);
            }
            for (Object element : change.removed()) {
                link(flush, change.owner(), element, false);
                InstanceState removed = flush.objects.stateOf(element);
                if (relationship.cascades(io.mapper.orm.annotation.Cascade.DELETE_ORPHAN) && removed != null
                        && removed.status() != InstanceState.Status.DELETED) {
                    flush.delete(removed);
                }
            }
        }
    }

    private void link(FlushContext flush, InstanceState side, Object other, boolean added) {
        FlushContext.Link pair = relationship.ownsAssociation() ? new FlushContext.Link(side.entity(), other)
                : new FlushContext.Link(other, side.entity());
        InstanceState otherState = flush.objects.stateOf(other);
        if (!added && (otherState == null || otherState.status() == InstanceState.Status.DELETED
                || side.status() == InstanceState.Status.DELETED)) {
            return;    // the rows of deleted objects are removed with them
        }
        Boolean earlier = flush.links(owning()).put(pair, added);
        if (earlier != null && earlier != added) {
            throw new InvalidRequestException("The link between " + side + " and "
                    + (otherState == null ? other : otherState) + " was added on one side of " + relationship
                    + " and removed on the other in the same flush. Change only one side, or make them agree.");
        }
    }

    @Override
    void afterFlush(FlushContext flush) {
        RelationshipMapping owning = owning();
        if (owning == null) {
            return;
        }
        // Links written from either side appear in this side's loaded collections.
        for (Map.Entry<FlushContext.Link, Boolean> entry : flush.links(owning).entrySet()) {
            Object theirs = relationship.ownsAssociation() ? entry.getKey().owner() : entry.getKey().target();
            Object mine = relationship.ownsAssociation() ? entry.getKey().target() : entry.getKey().owner();
            InstanceState theirState = flush.objects.stateOf(theirs);
            if (theirState == null) {
                continue;
            }
            Object value = relationship.accessor().get(theirs);
            if (!(value instanceof Collection<?> elements)
                    || value instanceof PersistentCollection collection && !collection.isLoaded()) {
                continue;
            }
            if (BackReferences.setMembership(elements, mine, entry.getValue())) {
                flush.snapshotOwners.add(theirState);
            }
        }
    }
}
