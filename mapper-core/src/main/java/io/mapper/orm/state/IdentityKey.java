package io.mapper.orm.state;

import java.util.List;
import java.util.Objects;

/**
 * The identity of a persistent object in a session: its entity class and primary key value (a {@code List} of the
 * key values, in key order, for a composite key). One instance per identity key per session.
 *
 * @param entityType the mapped class
 * @param id the primary key value, or an immutable list of values for a composite key
 */
public record IdentityKey(Class<?> entityType, Object id) {

    public IdentityKey {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(id, () -> "the primary key of a " + entityType.getSimpleName()
                + " identity must not be null");
        if (id instanceof List<?> values) {
            id = List.copyOf(values);
        }
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "(" + (id instanceof List<?> values ? values.toString() : id) + ")";
    }
}
