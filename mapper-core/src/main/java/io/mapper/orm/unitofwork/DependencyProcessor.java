package io.mapper.orm.unitofwork;

import java.util.Collection;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;

/**
 * The flush-time work of one relationship direction (SQLAlchemy's {@code DependencyProcessor}): cascading saves
 * and deletes along it, finding what changed on its side, reconciling that with the other side, and afterwards
 * bringing the other side's loaded objects in line with what was written. One subclass per direction; only the
 * {@link UnitOfWork} calls them.
 */
abstract sealed class DependencyProcessor permits ManyToOneProcessor, OneToManyProcessor, ManyToManyProcessor,
        JoinColumnProcessor {

    protected final RelationshipMapping relationship;

    DependencyProcessor(RelationshipMapping relationship) {
        this.relationship = relationship;
    }

    /** The processor for one relationship. */
    static DependencyProcessor of(RelationshipMapping relationship) {
        return switch (relationship.kind()) {
            case MANY_TO_ONE -> new ManyToOneProcessor(relationship);
            case ONE_TO_MANY -> relationship.isUnidirectional() ? new JoinColumnProcessor(relationship)
                    : new OneToManyProcessor(relationship);
            case MANY_TO_MANY -> new ManyToManyProcessor(relationship);
        };
    }

    /** The delete cascade from a deleted owner; the default does nothing. */
    void cascadeDelete(FlushContext flush, InstanceState owner) {
    }

    /** Finds the changes of this relationship on a live owner and cascades saves along it. */
    abstract void presortSaves(FlushContext flush, InstanceState owner);

    /** Reconciles the changes found with the other side, once every owner was scanned. */
    void process(FlushContext flush) {
    }

    /** After the statements ran: the other side's loaded objects are brought in line with what was written. */
    void afterFlush(FlushContext flush) {
    }

    /**
     * The scan of a collection side: its change since the last flush is noted, and new elements are saved along
     * it (or refused without the save-update cascade) and scanned in turn.
     */
    protected final void presortCollection(FlushContext flush, InstanceState owner) {
        Histories.CollectionChange change = Histories.collectionChange(owner, relationship);
        if (change == null) {
            return;
        }
        for (Object element : change.added()) {
            flush.scan(flush.reached(element, relationship, owner));
        }
        flush.collectionChanges.add(change);
        flush.snapshotOwners.add(owner);
    }

    /**
     * The related objects a delete cascade reaches: the current elements (loading an unloaded collection unless
     * deletes are passive) and those removed since the last flush.
     */
    protected final List<Object> relatedForDelete(InstanceState owner) {
        Object value = relationship.accessor().get(owner.entity());
        if (value instanceof PersistentCollection collection && !collection.isLoaded()
                && relationship.passiveDeletes()) {
            return List.of();    // ON DELETE in the database handles them; no SELECT of the children
        }
        List<Object> related = new java.util.ArrayList<>();
        if (relationship.isSingleValued() || !(value instanceof Collection<?> elements)) {
            if (value != null) {
                related.add(value);
            }
        } else {
            related.addAll(elements);
        }
        List<Object> snapshot = owner.collectionSnapshot(relationship);
        if (snapshot != null) {
            related.addAll(Histories.difference(snapshot, related));
        }
        return related;
    }

    /** Cascades the delete of {@code owner} to {@code related} when the relationship says so. */
    protected final void cascadeDeleteTo(FlushContext flush, Object related) {
        if (!relationship.cascades(Cascade.DELETE)) {
            return;
        }
        InstanceState state = flush.objects.stateOf(related);
        if (state != null && state.status() != InstanceState.Status.DELETED) {
            flush.delete(state);
        }
    }
}
