/**
 * The SQL expression language: immutable, generative statement objects built from code, every value bound.
 *
 * <p>Layer: above {@code types} and {@code exception}; knows nothing of {@code schema}, compilers or dialects.
 * A {@link io.mapper.sql.SqlVisitor} walks the elements; the compiler package renders them per dialect.
 * {@link io.mapper.sql.Sql} holds the entry points.
 */
@NullMarked
package io.mapper.sql;

import org.jspecify.annotations.NullMarked;
