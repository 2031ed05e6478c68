/**
 * What reflection reads from a live database, as immutable values: {@link io.mapper.schema.reflection.ReflectedTable}
 * and its columns, keys, indexes and constraints, plus the two small interfaces through which the schema layer asks
 * for them ({@link io.mapper.schema.reflection.Inspectable}, {@link io.mapper.schema.reflection.DatabaseInspector}).
 *
 * <p>It also holds {@link io.mapper.schema.reflection.ReferentialAction}, the one word that declaring a foreign key
 * and reading one back share: it lives here, at the bottom of the schema layer, so that a reflected foreign key can
 * carry it without this package importing {@code io.mapper.schema}.
 *
 * <p>Layer: the bottom of {@code schema}; imports {@code types} and {@code exception}, never {@code io.mapper.schema}
 * (which imports this package). The values live this low so that the dialects' {@code SchemaReader}s can produce
 * them and {@code MetaData} can consume them without either layer knowing the engine, which implements the
 * interfaces ({@link io.mapper.engine.Inspector}).
 */
@NullMarked
package io.mapper.schema.reflection;

import org.jspecify.annotations.NullMarked;
