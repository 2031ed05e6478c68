/**
 * The ORM's public face: {@code SessionFactory}, {@code Session} and the ORM exceptions
 * ({@link io.mapper.orm.StaleDataException}, ...; mapping errors are {@link io.mapper.orm.mapping.MappingException},
 * validation failures before a flush {@link io.mapper.orm.mapping.ValidationException}); the queries
 * ({@code EntitySelect}, {@code TupleSelect}, the bulk {@code EntityUpdate}/{@code EntityDelete}) and global filters
 * ({@code LoaderCriteria}). Bean Validation is used only when {@code jakarta.validation} is on the class path.
 *
 * <p>Layer: the top of mapper-core. The ORM translates entity operations into Core statements; the Core never
 * imports it.
 */
@NullMarked
package io.mapper.orm;

import org.jspecify.annotations.NullMarked;
