/**
 * The annotations that declare mapped classes: {@link io.mapper.orm.annotation.Entity},
 * {@link io.mapper.orm.annotation.Table}, {@link io.mapper.orm.annotation.Column}, {@link io.mapper.orm.annotation.Id},
 * relationships and their {@link io.mapper.orm.annotation.Cascade} and {@link io.mapper.orm.annotation.FetchStrategy}.
 *
 * <p>Layer: the ORM's vocabulary; imports nothing of mapper. Only {@code io.mapper.orm.mapping} reads them, once, at
 * start-up, and the {@code mapper-processor} at compile time.
 */
@NullMarked
package io.mapper.orm.annotation;

import org.jspecify.annotations.NullMarked;
