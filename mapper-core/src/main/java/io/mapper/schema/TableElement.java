package io.mapper.schema;

/**
 * Something declared inside {@code metadata.table(name, ...)}: a {@link Column}, a {@link Constraint} or an
 * {@link Index}.
 */
public sealed interface TableElement permits Column, Constraint, Index, TableComment {
}
