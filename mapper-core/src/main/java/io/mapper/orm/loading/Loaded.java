package io.mapper.orm.loading;

import io.mapper.orm.state.InstanceState;

/**
 * One row's object: its identity-mapped state, and whether its values were (re)loaded from the row ({@code fresh}:
 * a new object, or an expired one refreshed). Only fresh objects get their relationships loaded. The object itself
 * is kept beside its state, so that a large result's list of objects is built without visiting every state again.
 */
public record Loaded(InstanceState state, Object entity, boolean fresh) {

    /** The row's object for this tracked state. */
    public Loaded(InstanceState state, boolean fresh) {
        this(state, state.entity(), fresh);
    }
}
