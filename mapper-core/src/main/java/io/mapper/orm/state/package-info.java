/**
 * Per-object ORM state: {@link io.mapper.orm.state.InstanceState} (status, key, database snapshot),
 * {@link io.mapper.orm.state.IdentityKey}, {@link io.mapper.orm.state.IdentityMap},
 * {@link io.mapper.orm.state.PropertyAccessor} and {@link io.mapper.orm.state.ReferenceHolder}.
 *
 * <p>Layer: the bottom of the ORM's stack (see {@code io.mapper.orm.mapping}); imports the Core only. Internal: not
 * API.
 */
@NullMarked
package io.mapper.orm.state;

import org.jspecify.annotations.NullMarked;
