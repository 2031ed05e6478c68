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

    // Written out rather than generated: the record's own equals and hashCode go through method handles
    // (ObjectMethods), which showed up as 10 % of the identity-map lookups of a loading profile.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof IdentityKey that && entityType == that.entityType
                && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return 31 * entityType.hashCode() + id.hashCode();
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "(" + (id instanceof List<?> values ? values.toString() : id) + ")";
    }
}
