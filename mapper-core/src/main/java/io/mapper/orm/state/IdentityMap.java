package io.mapper.orm.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One instance per primary key per session: maps identity keys to the states of persistent objects. Holds them
 * strongly for the session's lifetime (a session is a unit of work, not a cache); not thread-safe.
 */
public final class IdentityMap {

    private final Map<IdentityKey, InstanceState> states = new HashMap<>();

    /** The state with this key, or null. */
    public @Nullable InstanceState get(IdentityKey key) {
        return states.get(key);
    }

    /** Registers a persistent state under its key. */
    public void put(InstanceState state) {
        IdentityKey key = java.util.Objects.requireNonNull(state.key(), "a state needs a key to be in the map");
        states.put(key, state);
    }

    /** Removes the state with this key. */
    public void remove(IdentityKey key) {
        states.remove(key);
    }

    /** How many objects the map holds. */
    public int size() {
        return states.size();
    }

    /** A snapshot of all states. */
    public List<InstanceState> all() {
        return new ArrayList<>(states.values());
    }

    /** Forgets everything. */
    public void clear() {
        states.clear();
    }
}
