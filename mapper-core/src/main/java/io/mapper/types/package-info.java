/**
 * SQL types and the conversion of JDBC values into Java values.
 *
 * <p>Layer: above {@code exception} only.
 */
@NullMarked
package io.mapper.types;

import org.jspecify.annotations.NullMarked;
