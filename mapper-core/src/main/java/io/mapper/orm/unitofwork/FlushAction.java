package io.mapper.orm.unitofwork;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.mapper.engine.Connection;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.OrmStatement;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.state.InstanceState;
import io.mapper.sql.Sql;

/**
 * One step of a flush plan, in the order {@link UnitOfWork} sorted them: save a mapper's new rows, update its changed
 * rows, write or remove association rows, delete a mapper's rows. Each runs its SQL through {@link Persistence}.
 */
sealed interface FlushAction {

    /** Runs the step's statements in the connection's current transaction. */
    void execute(Connection connection, int batchSize);

    /** INSERTs new rows of one mapper (one wave of a self-referencing table). */
    record SaveRows(Mapper<?> mapper, List<InstanceState> states) implements FlushAction {
        @Override
        public void execute(Connection connection, int batchSize) {
            Persistence.insert(connection, mapper, states, batchSize);
        }
    }

    /** UPDATEs the changed columns of one mapper's rows. */
    record UpdateRows(Mapper<?> mapper, List<InstanceState> states, List<BitSet> changes) implements FlushAction {
        @Override
        public void execute(Connection connection, int batchSize) {
            Persistence.update(connection, mapper, states, changes, batchSize);
        }
    }

    /** DELETEs rows of one mapper. */
    record DeleteRows(Mapper<?> mapper, List<InstanceState> states) implements FlushAction {
        @Override
        public void execute(Connection connection, int batchSize) {
            Persistence.delete(connection, mapper, states, batchSize);
        }
    }

    /** INSERTs or DELETEs association-table rows. */
    record WriteAssociations(List<AssociationRow> rows, boolean insert) implements FlushAction {
        @Override
        public void execute(Connection connection, int batchSize) {
            Persistence.associations(connection, rows, insert, batchSize);
        }
    }

    /** Removes the association rows of deleted objects by their keys, before their own rows are deleted. */
    record UnlinkDeleted(RelationshipMapping relationship, List<InstanceState> deleted) implements FlushAction {
        @Override
        public void execute(Connection connection, int batchSize) {
            RelationshipMapping owning = relationship.ownsAssociation() ? relationship : relationship.inverse();
            if (owning == null) {
                return;
            }
            var columns = relationship.ownsAssociation() ? owning.associationOwnerColumns()
                    : owning.associationTargetColumns();
            List<Object> keys = new ArrayList<>(deleted.size());
            for (InstanceState state : deleted) {
                keys.add(java.util.Objects.requireNonNull(state.key()).id());    // a list of the parts, if composite
            }
            for (int start = 0; start < keys.size(); start += 500) {
                List<Object> chunk = keys.subList(start, Math.min(keys.size(), start + 500));
                @SuppressWarnings("unchecked")
                io.mapper.sql.Condition where = columns.size() == 1 ? columns.get(0).in(chunk)
                        : Sql.rowValueIn(columns, (List<List<?>>) (List<?>) chunk);
                connection.execute(new OrmStatement(Sql.delete(owning.associationTable()).where(where),
                        owning.toString()));
            }
        }
    }

    /** Writes element-collection rows: deletes of changed collections, of deleted owners, or inserts. */
    record WriteElements(Step step) implements FlushAction {

        /** One batch of element-collection statements. */
        @FunctionalInterface
        interface Step {
            void execute(Connection connection, int batchSize);
        }

        @Override
        public void execute(Connection connection, int batchSize) {
            step.execute(connection, batchSize);
        }
    }
}
