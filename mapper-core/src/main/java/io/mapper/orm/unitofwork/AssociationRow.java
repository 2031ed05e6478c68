package io.mapper.orm.unitofwork;

import io.mapper.orm.mapping.RelationshipMapping;

/** One row of a many-to-many association table, between two objects, named by the owning side's relationship. */
record AssociationRow(RelationshipMapping relationship, Object owner, Object target) {
}
