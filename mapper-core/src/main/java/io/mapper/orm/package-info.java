/**
 * The ORM's public face: {@code SessionFactory}, {@code Session} and the ORM exceptions
 * ({@link io.mapper.orm.StaleDataException}, ...; mapping errors are {@link io.mapper.orm.mapping.MappingException}).
 *
 * <p>Layer: the top of mapper-core. The ORM translates entity operations into Core statements; the Core never
 * imports it.
 */
@NullMarked
package io.mapper.orm;

import org.jspecify.annotations.NullMarked;
