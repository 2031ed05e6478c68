/**
 * The mapping conventions: what an entity, a property or an embedded value maps to when its annotations leave it
 * open. {@link io.mapper.orm.convention.Naming} gives the default table and column names, and
 * {@link io.mapper.orm.convention.TypeMapping} the default SQL type of a Java type. They are pure functions, shared by
 * the runtime mapping ({@code io.mapper.orm.mapping}) and the compile-time metamodel processor, so that both name and
 * type a property the same way.
 *
 * <p>Layer: the ORM's bottom, beside {@code orm.annotation}; imports {@code orm.annotation}, {@code types} and the JDK,
 * nothing else of the ORM. Public API for tools that must apply the same rules (the processor).
 */
@NullMarked
package io.mapper.orm.convention;

import org.jspecify.annotations.NullMarked;
