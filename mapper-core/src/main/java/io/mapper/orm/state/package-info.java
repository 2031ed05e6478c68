/**
 * Per-object ORM state: {@link io.mapper.orm.state.IdentityKey}, {@link io.mapper.orm.state.PropertyAccessor} and,
 * as the ORM grows, instance states, the identity map and attribute history.
 *
 * <p>Layer: the ORM, above the engine; imports the Core and {@code io.mapper.orm.annotation}.
 */
@NullMarked
package io.mapper.orm.state;

import org.jspecify.annotations.NullMarked;
