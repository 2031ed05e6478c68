package io.mapper.orm.session;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.state.InstanceState;

/**
 * A session's states by object identity: an open-addressing table (linear probing) that keeps each entry's identity
 * hash beside it. Growing it moves hashes and references between arrays without visiting the objects, so loading
 * 200,000 rows does not read every earlier object's header again at each doubling, as {@code IdentityHashMap}'s
 * rehash does. Not thread-safe; owned by {@link SessionObjects}.
 */
final class EntityIndex {

    private int[] hashes;
    private @Nullable InstanceState[] states;
    private int size;

    EntityIndex() {
        hashes = new int[8];    // a session of a few objects (a get, an insert) stays small
        states = new InstanceState[8];
    }

    /** The state of {@code entity}, or null. */
    @Nullable InstanceState get(Object entity) {
        int index = indexOf(entity);
        return index < 0 ? null : states[index];
    }

    /** Maps the state's object to it; returns the state it replaced, or null. */
    @Nullable InstanceState put(InstanceState state) {
        Object entity = state.entity();
        int hash = System.identityHashCode(entity);
        int mask = states.length - 1;
        int index = slot(hash, mask);
        for (InstanceState occupant = states[index]; occupant != null; occupant = states[index]) {
            if (hashes[index] == hash && occupant.entity() == entity) {
                states[index] = state;
                return occupant;
            }
            index = (index + 1) & mask;
        }
        states[index] = state;
        hashes[index] = hash;
        if (++size * 3 > states.length * 2) {
            grow();
        }
        return null;
    }

    /** Removes the entry of {@code entity}; returns its state, or null when there was none. */
    @Nullable InstanceState remove(Object entity) {
        int index = indexOf(entity);
        if (index < 0) {
            return null;
        }
        InstanceState removed = states[index];
        states[index] = null;
        size--;
        // Backward-shift deletion: later entries of the probe run move up unless their home slot lies cyclically
        // within (index, next], so every entry stays reachable from its home without tombstones.
        int mask = states.length - 1;
        int next = index;
        while (true) {
            next = (next + 1) & mask;
            InstanceState moving = states[next];
            if (moving == null) {
                return removed;
            }
            int home = slot(hashes[next], mask);
            boolean stays = index <= next ? index < home && home <= next : index < home || home <= next;
            if (!stays) {
                states[index] = moving;
                hashes[index] = hashes[next];
                states[next] = null;
                index = next;
            }
        }
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(states, null);
        size = 0;
    }

    private int indexOf(Object entity) {
        int hash = System.identityHashCode(entity);
        int mask = states.length - 1;
        int index = slot(hash, mask);
        for (InstanceState occupant = states[index]; occupant != null; occupant = states[index]) {
            if (hashes[index] == hash && occupant.entity() == entity) {
                return index;
            }
            index = (index + 1) & mask;
        }
        return -1;
    }

    /** The home slot of a hash: identity hashes are spread over the table with a multiplicative mix. */
    private static int slot(int hash, int mask) {
        int mixed = hash * 0x9E3779B9;
        return (mixed ^ (mixed >>> 16)) & mask;
    }

    private void grow() {
        int[] oldHashes = hashes;
        InstanceState[] oldStates = states;
        hashes = new int[oldStates.length * 2];
        states = new InstanceState[oldStates.length * 2];
        int mask = states.length - 1;
        for (int i = 0; i < oldStates.length; i++) {
            InstanceState state = oldStates[i];
            if (state != null) {
                int index = slot(oldHashes[i], mask);
                while (states[index] != null) {
                    index = (index + 1) & mask;
                }
                states[index] = state;
                hashes[index] = oldHashes[i];
            }
        }
    }
}
