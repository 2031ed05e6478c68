/**
 * SQL types and the conversion of JDBC values into Java values: the built-in {@link io.mapper.types.Types} (each a
 * {@link io.mapper.types.BuiltInType} whose codec a dialect may replace), user-defined
 * {@link io.mapper.types.ConvertedType}s over a {@link io.mapper.types.TypeConverter}, and
 * {@link io.mapper.types.TypedValue}, a value bound as a declared type.
 *
 * <p>Layer: above {@code exception} only.
 */
@NullMarked
package io.mapper.types;

import org.jspecify.annotations.NullMarked;
