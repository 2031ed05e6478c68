/**
 * Turning rows into objects: {@link io.mapper.orm.loading.EntityInstantiator} and, as the ORM grows, loader
 * strategies for relationships.
 *
 * <p>Layer: the ORM; imports the Core, {@code io.mapper.orm.state} and {@code io.mapper.orm.annotation}.
 */
@NullMarked
package io.mapper.orm.loading;

import org.jspecify.annotations.NullMarked;
