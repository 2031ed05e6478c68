package io.mapper.orm.unitofwork;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.loading.PersistentCollection;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.orm.session.SessionObjects;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.state.WriteLog;

/**
 * A flush that looks only at the objects its session's {@link WriteLog} holds, as SQLAlchemy's session looks only at
 * its modified objects: taken from the log when that is safe ({@link #take}), and after the flush it puts back on
 * the log the objects not known to agree with their snapshots ({@link #finish}). One per flush.
 */
final class LoggedFlush {

    private final WriteLog log;
    private final List<InstanceState> logged;
    private final List<InstanceState> inserted;

    private LoggedFlush(WriteLog log, List<InstanceState> logged, List<InstanceState> inserted) {
        this.log = log;
        this.logged = logged;
        this.inserted = inserted;
    }

    /**
     * The logged objects, drained from the log, when this flush may look at them alone; null when it must walk
     * every object. It may when every object the session tracks tells it of its writes ({@link WriteLog#coversAll()})
     * and nothing changes an object that was not written. Two things can: deleting an object of a class in a
     * relationship ({@code related}: the references to it and its collections' elements are found by looking at the
     * others), and a changed primary key of such an object (the foreign keys that hold it).
     */
    static @Nullable LoggedFlush take(SessionObjects objects, Set<Mapper<?>> related) {
        WriteLog log = objects.writes();
        if (!log.coversAll()) {
            return null;
        }
        for (InstanceState deleted : objects.deleted()) {
            if (related.contains((Mapper<?>) deleted.mapper())) {
                return null;
            }
        }
        Mapper<?> last = null;
        boolean inRelationship = false;
        for (InstanceState state : log.view()) {
            if (state.log() != log || state.status() != InstanceState.Status.PERSISTENT) {
                continue;
            }
            if (state.mapper() != last) {    // a run of objects of one class needs no lookup
                last = (Mapper<?>) state.mapper();
                inRelationship = related.contains(last);
            }
            if (inRelationship && isKeyChanged(state)) {
                return null;
            }
        }
        // New objects are not known to agree with their snapshots after their INSERT: the next flush compares them.
        List<InstanceState> inserted = List.copyOf(objects.pending());
        return new LoggedFlush(log, log.drain(), inserted);
    }

    /** The objects this flush looks at. */
    List<InstanceState> logged() {
        return logged;
    }

    /** Whether {@code state}, one of {@link #logged()}, is still the session's (not let go of since it was logged). */
    boolean isCurrent(InstanceState state) {
        return state.log() == log;
    }

    /**
     * Puts back on the log what the next flush must look at. After a flush ({@code done}) every object it looked at
     * agrees with its snapshot (compared equal, or updated), and a write since was logged; its new objects do not
     * (their count is not noted at the INSERT), nor does an object holding a collection that does not tell the
     * session of its changes (one the application assigned). A failed flush leaves them all to the next one.
     */
    void finish(boolean done) {
        for (InstanceState state : done ? inserted : logged) {
            if (state.log() == log) {
                log.add(state);
            }
        }
        if (done) {
            for (InstanceState state : logged) {
                if (state.log() == log && holdsPlainCollection(state)) {
                    log.add(state);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> boolean isKeyChanged(InstanceState state) {
        return ((Mapper<E>) state.mapper()).isKeyChanged((E) state.entity(), state);
    }

    /**
     * Whether a collection property of the object holds a collection that does not tell the object's session of
     * its changes: not one of mapper's, or one of another object's.
     */
    private static boolean holdsPlainCollection(InstanceState state) {
        for (RelationshipMapping relationship : ((Mapper<?>) state.mapper()).relationships()) {
            if (relationship.isSingleValued()) {
                continue;
            }
            Object value = relationship.accessor().get(state.entity());
            if (value != null && !(value instanceof PersistentCollection collection
                    && collection.isOwnedBy(state.entity()))) {
                return true;
            }
        }
        return false;
    }
}
