package io.mapper.orm.unitofwork;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;

/**
 * A many-to-one (or the owning side of a one-to-one): the foreign key lives on the owner's row and is written
 * from the referenced object, so saving it means saving the referenced object first (the plan orders parents
 * before children). A changed reference wins over an unchanged collection on the other side.
 */
final class ManyToOneProcessor extends DependencyProcessor {

    ManyToOneProcessor(RelationshipMapping relationship) {
        super(relationship);
    }

    @Override
    void cascadeDelete(FlushContext flush, InstanceState owner) {
        if (relationship.cascades(Cascade.DELETE)) {
            Object related = relationship.related(owner.entity());
            if (related != null) {
                cascadeDeleteTo(flush, related);
            }
        }
    }

    @Override
    void presortSaves(FlushContext flush, InstanceState owner) {
        Object related = relationship.related(owner.entity());
        // Most references still point where their foreign key says (a loaded graph no one touched): then the
        // target is the identity map's object for that key, found without the session's index by object identity.
        InstanceState unchanged = related == null ? null : Histories.unchangedTarget(flush.objects, owner,
                relationship, related);
        if (related != null) {
            InstanceState target = unchanged != null ? unchanged : flush.reached(related, relationship, owner);
            if (target.status() == InstanceState.Status.DELETED) {
                throw new io.mapper.exception.InvalidRequestException(owner + " refers through " + relationship
                        + " to " + target + ", which is marked for deletion. Point the reference elsewhere (or at "
                        + "null), or do not delete it.");
            }
        }
        if (unchanged == null && Histories.referenceChanged(owner, relationship)) {
            flush.noteReferenceChange(owner, relationship);
        }
    }
}
