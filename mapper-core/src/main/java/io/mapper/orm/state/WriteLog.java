package io.mapper.orm.state;

import java.util.ArrayList;
import java.util.List;

/**
 * One session's objects that were written, or are not known to agree with their snapshots, since its last flush,
 * with what decides whether its flush may look at those alone: every object the session tracks is of an enhanced
 * class with nothing else to compare ({@code unskippable} is 0), and tells this log of its writes ({@code unlistened}
 * is 0: no other session's record took its writes over). Then an object not logged agrees with its snapshot.
 * Not thread-safe; owned by one session.
 */
public final class WriteLog {

    private ArrayList<InstanceState> states = new ArrayList<>();
    // A state is in the log while it carries the log's current mark; a drain takes a new mark, which empties the log
    // without a pass over the states it held (a mark is an object, so no other session's log can share it).
    private Object mark = new Object();
    private int unskippable;
    private int unlistened;
    private int listening;
    private boolean closed;

    /** Logs {@code state} once until the next {@link #drain()}. */
    public void add(InstanceState state) {
        if (state.logMark != mark && !closed) {
            state.logMark = mark;
            states.add(state);
        }
    }

    /** The logged states, left in the log (a state let go of since may be among them). */
    public List<InstanceState> view() {
        return java.util.Collections.unmodifiableList(states);
    }

    /** The logged states, and an empty log. */
    public List<InstanceState> drain() {
        List<InstanceState> drained = states;
        states = new ArrayList<>();
        mark = new Object();
        return drained;
    }

    /** Whether a flush may compare the logged objects alone. */
    public boolean coversAll() {
        return unskippable == 0 && unlistened == 0;
    }

    /** A tracked object the flush must look at whatever the log says; {@code delta} 1 when it begins, -1 when it ends. */
    public void unskippable(int delta) {
        unskippable += delta;
    }

    /** A tracked object whose writes another record was told of; {@code delta} 1 when it begins, -1 when it ends. */
    public void unlistened(int delta) {
        unlistened += delta;
    }

    /** A tracked object that tells this log of its writes; {@code delta} 1 when it begins, -1 when it ends. */
    public void listening(int delta) {
        listening += delta;
    }

    /** Whether some tracked object tells this log of its writes (and must stop when the session lets it go). */
    public boolean hasListeners() {
        return listening > 0;
    }

    /** Forgets everything and ignores what it is told from now on: its session closed. */
    public void close() {
        clear();
        closed = true;
    }

    /** Forgets everything (the session let every object go). */
    public void clear() {
        drain();
        unskippable = 0;
        unlistened = 0;
        listening = 0;
    }
}
