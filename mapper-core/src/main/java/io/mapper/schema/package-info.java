/**
 * Schema metadata: {@link io.mapper.schema.MetaData}, {@link io.mapper.schema.Table} and
 * {@link io.mapper.schema.Column} with keys, constraints, indexes and sequences, the naming convention that names
 * constraints, and the DDL elements a dialect's DDL compiler renders through {@link io.mapper.schema.DdlVisitor}.
 * {@code MetaData.createAll} runs them through a {@link io.mapper.schema.DdlExecutor}, which the engine implements.
 *
 * <p>Layer: above {@code sql}, {@code types} and {@code exception}; never imports {@code compiler}, {@code dialect}
 * or {@code engine}.
 */
@NullMarked
package io.mapper.schema;

import org.jspecify.annotations.NullMarked;
