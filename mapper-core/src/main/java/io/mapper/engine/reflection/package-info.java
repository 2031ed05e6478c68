/**
 * Reflection: {@link io.mapper.engine.reflection.Inspector} reads tables, columns, keys, indexes and constraints
 * from a live database through the dialect's {@link io.mapper.dialect.SchemaReader} and returns them as the
 * immutable values of {@code io.mapper.schema.reflection}.
 *
 * <p>Layer: part of {@code engine}; imports {@code dialect} and below, never a concrete
 * {@code io.mapper.dialect.<db>} package.
 */
@NullMarked
package io.mapper.engine.reflection;

import org.jspecify.annotations.NullMarked;
