package io.mapper.orm.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.state.ExpiryClock;
import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.IdentityMap;
import io.mapper.orm.state.InstanceState;
import io.mapper.orm.state.StateList;
import io.mapper.orm.state.Tracked;
import io.mapper.orm.state.WriteListener;
import io.mapper.orm.state.WriteLog;

/**
 * The objects one session tracks, indexed the ways the session needs them: by object identity, by identity key
 * (persistent and deleted objects), and as the pending and deleted sets the next flush writes. Keeps the indexes
 * consistent with each state's status. Not thread-safe; owned by one session.
 */
public final class SessionObjects {

    private final EntityIndex byEntity = new EntityIndex();
    // Objects built from rows that the index by object identity has not taken yet (see trackLoaded).
    private final ArrayList<InstanceState> unindexed = new ArrayList<>();
    // The same states in the order the session began tracking them: walks see loaded rows in the order they came
    // (mostly key order, so the flush's key sort has little to do) and repeat from run to run.
    private final StateList ordered = new StateList();
    private final IdentityMap identityMap = new IdentityMap();
    private final LinkedHashSet<InstanceState> pending = new LinkedHashSet<>();
    private final LinkedHashSet<InstanceState> deleted = new LinkedHashSet<>();
    private final ExpiryClock clock = new ExpiryClock();
    private final WriteLog writes = new WriteLog();

    /** The state of a tracked object, or null. */
    public @Nullable InstanceState stateOf(Object entity) {
        return byEntity().get(entity);
    }

    /** Whether the object is tracked. */
    public boolean contains(Object entity) {
        return byEntity().get(entity) != null;
    }

    /** The persistent (or deleted) state with this key, or null. */
    public @Nullable InstanceState get(IdentityKey key) {
        return identityMap.get(key);
    }

    /** The identity map (read it; change it only through this class). */
    public IdentityMap identityMap() {
        return identityMap;
    }

    /** Starts tracking {@code state} under its current status (and key, unless it is pending). */
    public void track(InstanceState state) {
        state.clock(clock);
        InstanceState previous = byEntity().put(state);
        if (previous != null && previous != state) {
            detach(previous);
            ordered.remove(previous);
        }
        attach(state);
        ordered.add(state);
        switch (state.status()) {
            case PENDING -> pending.add(state);
            case DELETED -> {
                deleted.add(state);
                identityMap.put(state);
            }
            case PERSISTENT -> identityMap.put(state);
        }
    }

    /**
     * Starts tracking a persistent object the session has just built from a row, which no session can track yet.
     * The index by object identity takes it only when something first looks an object up that way: a large read
     * that nothing looks up by object pays no identity hash and no probing of a table that outgrows the caches.
     */
    public void trackLoaded(InstanceState state) {
        if (state.status() != InstanceState.Status.PERSISTENT || state.key() == null) {
            throw new IllegalStateException("trackLoaded takes a persistent object with its key, not " + state);
        }
        state.clock(clock);
        attach(state);
        unindexed.add(state);
        ordered.add(state);
        identityMap.put(state);
    }

    /** The index by object identity, after it has taken the objects {@link #trackLoaded} deferred. */
    private EntityIndex byEntity() {
        if (!unindexed.isEmpty()) {
            for (InstanceState state : unindexed) {
                byEntity.put(state);
            }
            unindexed.clear();
        }
        return byEntity;
    }

    /** The log of written objects the flush reads ({@link WriteLog}). */
    public WriteLog writes() {
        return writes;
    }

    /**
     * Counts {@code state} in the write log's figures, and for an object the flush may leave out unless written
     * (an enhanced class, {@link Mapper#isSkippable()}), makes the object tell this session's log of its writes,
     * taking that over from any other record of it (whose session then compares every object again).
     */
    private void attach(InstanceState state) {
        if (state.log() == writes) {
            return;    // tracked already (a status change)
        }
        state.log(writes);
        if (!(state.mapper() instanceof Mapper<?> mapper) || !mapper.isSkippable()) {
            writes.unskippable(1);
            return;
        }
        Tracked object = (Tracked) state.entity();
        WriteListener current = object.$mapper$listener();
        if (current != state && current instanceof InstanceState other && other.isListened()) {
            other.listened(false);
            other.unsync();    // no longer told of changes: compared again wherever it is tracked
            WriteLog otherLog = other.log();
            if (otherLog != null) {
                otherLog.unlistened(1);
                otherLog.listening(-1);
            }
        }
        object.$mapper$listener(state);
        state.listened(true);
        writes.listening(1);
        if (!mapper.isSynced(cast(state.entity()), state)) {
            writes.add(state);    // not known to agree with its snapshot: the next flush compares it
        }
    }

    /** Undoes {@link #attach}: the object no longer tells this session's log of its writes. */
    private void detach(InstanceState state) {
        if (state.log() != writes) {
            return;
        }
        state.log(null);
        // Once let go, its collections change without telling anyone: should it come back, it is compared.
        state.unsync();
        if (!(state.mapper() instanceof Mapper<?> mapper) || !mapper.isSkippable()) {
            writes.unskippable(-1);
            return;
        }
        if (state.isListened()) {
            Tracked object = (Tracked) state.entity();
            if (object.$mapper$listener() == state) {
                object.$mapper$listener(null);
            }
            state.listened(false);
            writes.listening(-1);
        } else {
            writes.unlistened(-1);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> E cast(Object entity) {
        return (E) entity;
    }

    /**
     * Makes every tracked object stop telling this session's log of its writes, when the session lets all go. A
     * closing session closes its log instead, which then ignores what it is told, without a pass over the objects
     * (each keeps its state, as a detached object does in SQLAlchemy); a session that goes on makes each state
     * forget the log, as it may be tracked again.
     */
    private void detachAll(boolean closing) {
        if (closing) {
            writes.close();
            return;
        }
        for (InstanceState state : ordered) {
            if (state.log() != writes) {
                continue;
            }
            if (state.isListened() && ((Tracked) state.entity()).$mapper$listener() == state) {
                ((Tracked) state.entity()).$mapper$listener(null);
            }
            state.log(null);
            state.unsync();
            state.listened(false);
        }
        writes.clear();
    }

    /** Stops tracking {@code state}: the object becomes transient or detached. */
    public void forget(InstanceState state) {
        detach(state);
        InstanceState current = byEntity().remove(state.entity());
        if (current != null) {
            ordered.remove(current);
        }
        ordered.remove(state);
        pending.remove(state);
        deleted.remove(state);
        IdentityKey key = state.key();
        if (key != null && identityMap.get(key) == state) {
            identityMap.remove(key);
        }
    }

    /** A pending object was inserted: it is persistent under the key the insert gave it. */
    public void inserted(InstanceState state, IdentityKey key) {
        pending.remove(state);
        state.status(InstanceState.Status.PERSISTENT);
        state.key(key);
        identityMap.put(state);
    }

    /** Marks a persistent object for deletion at the next flush. */
    public void markDeleted(InstanceState state) {
        state.status(InstanceState.Status.DELETED);
        deleted.add(state);
    }

    /** A deleted object's row is gone: the object is no longer tracked. */
    public void removed(InstanceState state) {
        forget(state);
    }

    /** The pending states, in the order they were added. */
    public Collection<InstanceState> pending() {
        return pending;
    }

    /** The states marked for deletion. */
    public Collection<InstanceState> deleted() {
        return deleted;
    }

    /** Every tracked state in the order tracking began, as a copy that may be iterated while the session changes. */
    public List<InstanceState> all() {
        return new ArrayList<>(ordered);
    }

    /** The tracked states in the order tracking began, without copying; do not change the session while iterating. */
    public Collection<InstanceState> view() {
        return ordered;
    }

    /** How many objects are tracked. */
    public int size() {
        return byEntity.size() + unindexed.size();
    }

    /** Expires every tracked object (after a commit or a bulk write): one step of the clock, not a walk. */
    public void expireAll() {
        clock.advance();
    }

    /**
     * Drops every object when the session closes: like {@link #clear()}, but without unlinking each state from the
     * ordered list one by one, as a closed session never tracks a state again.
     */
    public void release() {
        detachAll(true);
        byEntity.clear();
        unindexed.clear();
        ordered.abandon();
        identityMap.clear();
        pending.clear();
        deleted.clear();
    }

    /** Forgets everything. */
    public void clear() {
        detachAll(false);
        byEntity.clear();
        unindexed.clear();
        ordered.clear();
        identityMap.clear();
        pending.clear();
        deleted.clear();
    }
}
