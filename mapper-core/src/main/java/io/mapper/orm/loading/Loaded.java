package io.mapper.orm.loading;

import io.mapper.orm.state.InstanceState;

/**
 * One row's object: its identity-mapped state, and whether its values were (re)loaded from the row ({@code fresh}:
 * a new object, or an expired one refreshed). Only fresh objects get their relationships loaded.
 */
public record Loaded(InstanceState state, boolean fresh) {
}
