package io.mapper.orm.unitofwork;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.mapper.orm.state.InstanceState;

/**
 * A persistent object a flush updates, and the slots of its mapper whose columns it writes (which grow while the
 * flush runs: callbacks, stamps, foreign keys of changed references).
 */
record Dirty(InstanceState state, BitSet columns) {

    /** {@code dirty} by object identity, for the few objects a flush looks up again. */
    static Map<InstanceState, Dirty> byObject(List<Dirty> dirty) {
        Map<InstanceState, Dirty> index = new IdentityHashMap<>(dirty.size() * 2);
        for (Dirty each : dirty) {
            index.put(each.state(), each);
        }
        return index;
    }
}
