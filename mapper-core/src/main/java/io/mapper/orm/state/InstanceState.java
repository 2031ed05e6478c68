package io.mapper.orm.state;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a session knows about one object: its identity key, its lifecycle status and the column values it had when
 * it was loaded or last flushed (the snapshot that dirty checking compares with). Not thread-safe; owned by one
 * session.
 */
public final class InstanceState implements WriteListener {

    private static final long NOT_SYNCED = Long.MIN_VALUE;

    /** The lifecycle of a tracked object inside its session. */
    public enum Status {
        /** Added, not yet inserted. */
        PENDING,
        /** Loaded or inserted. */
        PERSISTENT,
        /** Marked for deletion, not yet deleted. */
        DELETED
    }

    private final Object entity;
    private final Object mapper;
    private Status status;
    private @Nullable IdentityKey key;
    private @Nullable Object[] committed;
    private boolean expired;
    // The session's expiry clock and the generation in which the values were last loaded: expired also when the
    // clock has moved on since (SessionObjects.expireAll). Null until a session tracks the state.
    private @Nullable ExpiryClock clock;
    private int loadedIn;
    private java.util.@Nullable Map<Object, java.util.List<Object>> collections;
    /** Values the running flush assigned to columns that owners' collections write (by slot); null for none. */
    private java.util.@Nullable Map<Integer, @Nullable Object> assigned;
    /** The mark of the innermost transaction level's journal that recorded this state; see {@code Journal}. */
    private @Nullable Object journalMark;
    /** The mark of the flush that last queued this state for its relationship scan; see {@code FlushContext}. */
    private @Nullable Object scanMark;
    // The object's write count (Tracked) when it last agreed with its snapshot; NOT_SYNCED when that is not known.
    private long syncedWrites = NOT_SYNCED;
    // The log of the session that tracks the state (null: none), whether the log holds it now, and whether the object
    // tells this state of its writes (Tracked's listener): see WriteLog and SessionObjects.
    private @Nullable WriteLog log;
    @Nullable Object logMark;
    private boolean listened;
    // Links of the StateList that holds this state (a session's tracked objects, in the order it began tracking them).
    @Nullable StateList list;
    @Nullable InstanceState previous;
    @Nullable InstanceState next;

    public InstanceState(Object entity, Object mapper, Status status) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.status = status;
    }

    /** The tracked object. */
    public Object entity() {
        return entity;
    }

    /** The object's mapper (typed by the session, which owns both). */
    public Object mapper() {
        return mapper;
    }

    /** The object's status in its session. */
    public Status status() {
        return status;
    }

    /** Changes the status. */
    public void status(Status newStatus) {
        this.status = newStatus;
    }

    /** The identity key, once the object has a primary key. */
    public @Nullable IdentityKey key() {
        return key;
    }

    /** Sets the identity key. */
    public void key(@Nullable IdentityKey newKey) {
        this.key = newKey;
    }

    /** The column values at load or last flush, or null for a pending object. */
    public @Nullable Object @Nullable [] committed() {
        return committed;
    }

    /** Records the column values as they are in the database now. */
    public void committed(@Nullable Object[] values) {
        // A mutable value (a JSON document) is copied, so a change made in place to the object's value shows.
        this.committed = mapper instanceof ValueSemantics semantics ? semantics.snapshotOf(values) : values.clone();
        this.expired = false;
        if (clock != null) {
            loadedIn = clock.now();
        }
    }

    /**
     * As {@link #committed(Object[])} for an array nobody else holds (a row's values just read, made into a
     * snapshot): kept itself, its mutable values replaced by copies, instead of copied whole.
     */
    public void committedOwned(@Nullable Object[] values) {
        this.committed = mapper instanceof ValueSemantics semantics ? semantics.ownSnapshot(values) : values;
        this.expired = false;
        if (clock != null) {
            loadedIn = clock.now();
        }
    }

    /** Restores a snapshot taken earlier (null: the object is not in the database). */
    public void restoreCommitted(@Nullable Object @Nullable [] values) {
        this.committed = values;
        unsync();
    }

    /**
     * Notes that the object, whose {@link Tracked} write count is {@code writes}, now agrees with its snapshot in
     * every column its fields hold: until its count moves, comparing those columns would find no change.
     */
    public void synced(long writes) {
        this.syncedWrites = writes;
    }

    /** Whether the object's write count is still the one {@link #synced(long)} noted. */
    public boolean isSynced(long writes) {
        return syncedWrites == writes;
    }

    /** Forgets the noted write count: the next flush compares the object again. */
    public void unsync() {
        this.syncedWrites = NOT_SYNCED;
        if (log != null) {
            log.add(this);
        }
    }

    /** The object had a field written, or a collection of it changed: the session's log notes it for the next flush. */
    @Override
    public void written(Object written) {
        WriteLog current = log;
        if (current != null) {
            current.add(this);
        }
    }

    /** The log of the session that tracks this state, or null. */
    public @Nullable WriteLog log() {
        return log;
    }

    /** Sets the log of the session that tracks this state (null: none). */
    public void log(@Nullable WriteLog newLog) {
        this.log = newLog;
    }

    /** Whether the object tells this state of its writes. */
    public boolean isListened() {
        return listened;
    }

    /** Records whether the object tells this state of its writes. */
    public void listened(boolean value) {
        this.listened = value;
    }

    /** The elements a collection relationship held at load or last flush (for orphan and association diffs). */
    public java.util.@Nullable List<Object> collectionSnapshot(Object relationship) {
        return collections == null ? null : collections.get(relationship);
    }

    /** Records a collection relationship's elements as they are in the database now. */
    public void collectionSnapshot(Object relationship, java.util.Collection<?> elements) {
        if (collections == null) {
            collections = new java.util.HashMap<>(4);
        }
        collections.put(relationship, new java.util.ArrayList<>(elements));
    }

    /** A copy of every collection snapshot, for a transaction journal; null when there is none. */
    public java.util.@Nullable Map<Object, java.util.List<Object>> collectionSnapshots() {
        return collections == null ? null : new java.util.HashMap<>(collections);
    }

    /** Puts back collection snapshots copied earlier with {@link #collectionSnapshots()}. */
    public void restoreCollectionSnapshots(java.util.@Nullable Map<Object, java.util.List<Object>> snapshots) {
        this.collections = snapshots == null ? null : new java.util.HashMap<>(snapshots);
    }

    /**
     * Assigns, for the running flush, a column of this object's row that an owner's collection writes (a list's
     * index, a unidirectional one-to-many's owner): the flush writes it with the INSERT or as an UPDATE.
     */
    public void assign(int slot, @Nullable Object value) {
        if (assigned == null) {
            assigned = new java.util.HashMap<>(4);
        }
        assigned.put(slot, value);
    }

    /** Whether the running flush assigned the slot. */
    public boolean isAssigned(int slot) {
        return assigned != null && assigned.containsKey(slot);
    }

    /** The value the running flush assigned to the slot (null for none or for an assigned null). */
    public @Nullable Object assigned(int slot) {
        return assigned == null ? null : assigned.get(slot);
    }

    /** Forgets the previous flush's assignments: each flush assigns from the collections as they are then. */
    public void clearAssigned() {
        assigned = null;
    }

    /** The mark of the innermost transaction level's journal that recorded this state, or null ({@code Journal}). */
    public @Nullable Object journalMark() {
        return journalMark;
    }

    /** Sets the mark of the innermost transaction level's journal that recorded this state. */
    public void journalMark(@Nullable Object mark) {
        this.journalMark = mark;
    }

    /**
     * Marks the state as queued for the relationship scan of the flush whose mark is {@code flush}; false when it
     * was already (each flush has a mark of its own, so no set of the scanned objects is needed).
     */
    public boolean markScanned(Object flush) {
        if (scanMark == flush) {
            return false;
        }
        scanMark = flush;
        return true;
    }

    /** Whether the values must be refreshed from the database the next time a query or get returns the object. */
    public boolean isExpired() {
        return expired || clock != null && clock.now() != loadedIn;
    }

    /**
     * Puts the state under a session's expiry clock, once: its values count as current now. A state that already
     * has the clock keeps its generation, so that re-tracking it (a rollback restoring it) does not un-expire it.
     */
    public void clock(ExpiryClock sessionClock) {
        if (clock == null) {
            clock = sessionClock;
            loadedIn = sessionClock.now();
        }
    }

    /** Marks the object's values as stale (after commit or rollback). */
    public void expire() {
        this.expired = true;
    }

    /**
     * Whether the slot's current value differs from the snapshot. An unloaded deferred column has changed only when
     * the application gave it a value: its unset field (null) or unloaded holder is no change.
     */
    public boolean isChanged(int slot, @Nullable Object current) {
        if (committed == null) {
            return true;
        }
        if (Unloaded.is(committed[slot])) {
            return current != null && !Unloaded.is(current);
        }
        return mapper instanceof ValueSemantics semantics ? !semantics.sameValue(slot, committed[slot], current)
                : !sameValue(committed[slot], current);
    }

    /** Whether the slot is a deferred column that was not loaded (its snapshot holds {@link Unloaded#VALUE}). */
    public boolean isUnloaded(int slot) {
        return committed != null && Unloaded.is(committed[slot]);
    }

    /** Whether any column is an unloaded deferred one. */
    public boolean hasUnloaded() {
        if (committed != null) {
            for (Object value : committed) {
                if (value == Unloaded.VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records one column's database value, now loaded (or {@link Unloaded#VALUE}: no longer known). */
    public void committedSlot(int slot, @Nullable Object value) {
        if (committed != null) {
            // As committed(values): a mutable value is copied, so a change made in place to the object's shows.
            committed[slot] = mapper instanceof ValueSemantics semantics ? semantics.snapshotOf(slot, value) : value;
        }
    }

    /**
     * Records the values an UPDATE left in the database: those of the {@code written} slots and the unchanged
     * others, keeping unloaded deferred columns it did not write unloaded.
     */
    public void committedAfterUpdate(@Nullable Object[] values, java.util.BitSet written) {
        Object[] before = committed;
        committed(values);
        if (before != null) {
            for (int slot = 0; slot < before.length; slot++) {
                if (Unloaded.is(before[slot]) && !written.get(slot)) {
                    committed[slot] = Unloaded.VALUE;
                }
            }
        }
    }

    /** Whether two column values are equal for dirty checking: numerically for decimals, by content for bytes. */
    public static boolean sameValue(@Nullable Object before, @Nullable Object after) {
        if (before == after) {
            return true;
        }
        if (before == null || after == null) {
            return false;
        }
        if (before instanceof BigDecimal left && after instanceof BigDecimal right) {
            return left.compareTo(right) == 0;
        }
        if (before instanceof byte[] left && after instanceof byte[] right) {
            return Arrays.equals(left, right);
        }
        return before.equals(after);
    }

    @Override
    public String toString() {
        return status + " " + (key == null ? entity.getClass().getSimpleName() + "(no key)" : key);
    }
}
