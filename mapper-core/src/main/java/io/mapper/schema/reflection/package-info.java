/**
 * What reflection reads from a live database, as immutable values: {@link io.mapper.schema.reflection.ReflectedTable}
 * and its columns, keys, indexes and constraints, plus the two small interfaces through which the schema layer asks
 * for them ({@link io.mapper.schema.reflection.Inspectable}, {@link io.mapper.schema.reflection.DatabaseInspector}).
 *
 * <p>Layer: part of {@code schema}; imports {@code schema} (for {@link io.mapper.schema.ReferentialAction}), {@code types} and {@code exception}. The values live this low so
 * that the dialects' {@code SchemaReader}s can produce them and {@code MetaData} can consume them without either
 * layer knowing the engine, which implements the interfaces ({@code io.mapper.engine.reflection.Inspector}).
 */
@NullMarked
package io.mapper.schema.reflection;

import org.jspecify.annotations.NullMarked;
