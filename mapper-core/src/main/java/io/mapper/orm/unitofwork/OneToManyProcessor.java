package io.mapper.orm.unitofwork;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.loading.BackReferences;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;

/**
 * A one-to-many (or the inverse side of a one-to-one): the foreign key lives on the elements' rows, written through
 * their many-to-one (the inverse). The collection and the elements' references are two views of one foreign key,
 * reconciled here: a side that changed wins over a side that did not; both changed in contradiction is an error.
 * An element removed whose reference still points at the owner is an orphan: deleted with {@code DELETE_ORPHAN},
 * else its reference (and so its key) is cleared.
 */
final class OneToManyProcessor extends DependencyProcessor {

    OneToManyProcessor(RelationshipMapping relationship) {
        super(relationship);
    }

    private RelationshipMapping inverse() {
        return java.util.Objects.requireNonNull(relationship.inverse(), () -> relationship + " has no inverse");
    }

    @Override
    void cascadeDelete(FlushContext flush, InstanceState owner) {
        boolean cascade = relationship.cascades(Cascade.DELETE);
        if (!cascade && relationship.passiveDeletes()) {
            return;
        }
        List<Object> current = Histories.current(owner.entity(), relationship);
        for (Object child : relatedForDelete(owner)) {
            boolean removed = current != null && !BackReferences.containsSame(current, child);
            Object reference = inverse().related(child);
            if (removed && reference != null && reference != owner.entity()) {
                continue;    // removed before the delete and given another parent: not an orphan
            }
            if (cascade && (!removed || relationship.cascades(Cascade.DELETE_ORPHAN))) {
                cascadeDeleteTo(flush, child);
                continue;
            }
            // Without the delete cascade the children stay, no longer referring to the deleted owner.
            InstanceState state = flush.objects.stateOf(child);
            if (state != null && state.status() == InstanceState.Status.PERSISTENT
                    && inverse().related(child) == owner.entity()) {
                flush.setReference(state, inverse(), null);
            }
        }
    }

    @Override
    void presortSaves(FlushContext flush, InstanceState owner) {
        presortCollection(flush, owner);
    }

    @Override
    void process(FlushContext flush) {
        RelationshipMapping inverse = inverse();
        if (relationship.isSingleValued()) {
            displace(flush);
        }
        for (Histories.CollectionChange change : flush.collectionChanges) {
            if (change.relationship() != relationship) {
                continue;
            }
            InstanceState owner = change.owner();
            for (Object child : change.added()) {
                InstanceState state = flush.objects.stateOf(child);
                if (state == null || state.status() == InstanceState.Status.DELETED) {
                    continue;
                }
                Object reference = inverse.related(child);
                if (reference == owner.entity()) {
                    continue;    // both sides agree (mapper's collections set the reference on add)
                }
                if (Histories.referenceChanged(state, inverse) && reference != null) {
                    throw contradiction(owner, state, reference);
                }
                flush.setReference(state, inverse, owner.entity());
            }
            for (Object child : change.removed()) {
                InstanceState state = flush.objects.stateOf(child);
                if (state == null || state.status() == InstanceState.Status.DELETED) {
                    continue;
                }
                Object reference = inverse.related(child);
                if (reference != null && reference != owner.entity() && Histories.referenceChanged(state, inverse)) {
                    continue;    // moved to another parent through its reference: that side wins
                }
                orphan(flush, state);
            }
        }
        CollectionColumnWrites.positions(flush, relationship);
    }

    /**
     * A one-to-one's reference moved to a new owner whose loaded inverse holds another object still referring to
     * it: that object is displaced (its reference cleared, or it is deleted as an orphan), as SQLAlchemy's backref
     * does, so that two rows never claim one owner.
     */
    private void displace(FlushContext flush) {
        RelationshipMapping inverse = inverse();
        for (var entry : List.copyOf(flush.referenceChanges.entrySet())) {
            if (!entry.getValue().contains(inverse) || entry.getKey().status() == InstanceState.Status.DELETED) {
                continue;
            }
            Object owner = inverse.related(entry.getKey().entity());
            if (owner == null) {
                continue;
            }
            Object value = relationship.accessor().get(owner);
            if (value == null || value == entry.getKey().entity()) {
                continue;
            }
            InstanceState displaced = flush.objects.stateOf(value);
            if (displaced != null && displaced.status() != InstanceState.Status.DELETED
                    && inverse.related(value) == owner && !Histories.referenceChanged(displaced, inverse)) {
                orphan(flush, displaced);
            }
        }
    }

    private void orphan(FlushContext flush, InstanceState child) {
        if (relationship.cascades(Cascade.DELETE_ORPHAN)) {
            flush.delete(child);
        } else {
            flush.setReference(child, inverse(), null);
        }
    }

    private InvalidRequestException contradiction(InstanceState owner, InstanceState child, Object reference) {
        return new InvalidRequestException(child + " was added to " + relationship + " of " + owner + ", but its "
                + inverse() + " was changed to another object (" + reference.getClass().getSimpleName() + "@"
                + Integer.toHexString(System.identityHashCode(reference)) + ") in the same flush. The two sides "
                + "contradict each other; change only one of them, or make them agree before the flush.");
    }

    @Override
    void afterFlush(FlushContext flush) {
        // The references that won: the old parent's loaded collection loses the child, the new parent's gains it.
        RelationshipMapping inverse = inverse();
        for (var entry : flush.referenceChanges.entrySet()) {
            if (!entry.getValue().contains(inverse)) {
                continue;
            }
            InstanceState child = entry.getKey();
            if (child.status() == InstanceState.Status.DELETED) {
                continue;
            }
            Object now = inverse.related(child.entity());
            for (InstanceState owner : owners(flush, child, now)) {
                Object value = relationship.accessor().get(owner.entity());
                if (value instanceof PersistentCollection collection && !collection.isLoaded()) {
                    continue;
                }
                boolean belongs = owner.entity() == now;
                if (relationship.isSingleValued()) {
                    if (belongs && value != child.entity()) {
                        relationship.accessor().set(owner.entity(), child.entity());
                    } else if (!belongs && value == child.entity()) {
                        relationship.accessor().set(owner.entity(), null);
                    }
                } else if (value instanceof Collection<?> elements) {
                    BackReferences.setMembership(elements, child.entity(), belongs);
                }
                flush.snapshotOwners.add(owner);
            }
        }
    }

    /** The parents whose collection may hold the child: the one it refers to now and the one it referred to. */
    private java.util.List<InstanceState> owners(FlushContext flush, InstanceState child, @Nullable Object now) {
        java.util.List<InstanceState> owners = new java.util.ArrayList<>(2);
        if (now != null) {
            InstanceState current = flush.objects.stateOf(now);
            if (current != null) {
                owners.add(current);
            }
        }
        InstanceState before = flush.previousParent(child, inverse());
        if (before != null && before.entity() != now) {
            owners.add(before);
        }
        return owners;
    }
}
