package io.mapper.orm.filters;

/** A mixin for entities that are soft-deleted: each has a {@code deleted} column, which one base-type filter reads. */
public interface SoftDeletable {
}
