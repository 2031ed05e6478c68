/**
 * The metamodel annotation processor: for every {@link io.mapper.orm.annotation.Entity} class it generates
 * {@code User_}, a class of typed {@link io.mapper.orm.Attribute}s (one per mapped property) for queries such as
 * {@code select(User.class).where(User_.name.eq("sandy"))}, and reports mapping errors as compile errors on the
 * offending element.
 *
 * <p>Layer: a compile-time tool outside the runtime stack. It reads {@code io.mapper.orm.annotation} through
 * {@code javax.lang.model} (never through reflection on the user's classes) and applies the naming and type rules of
 * {@code io.mapper.orm.convention} ({@link io.mapper.orm.convention.Naming},
 * {@link io.mapper.orm.convention.TypeMapping}), the same functions the runtime mapping uses; its tests check the
 * result against the runtime mapping. It imports nothing of {@code io.mapper.orm.mapping}.
 */
@NullMarked
package io.mapper.processor;

import org.jspecify.annotations.NullMarked;
