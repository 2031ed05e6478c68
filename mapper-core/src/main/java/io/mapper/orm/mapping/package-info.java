/**
 * Declarative mapping: reads the annotations of entity classes once, at start-up, and builds a
 * {@link io.mapper.orm.mapping.Mapper} per class (its Core {@code Table} in a {@code MetaData}, its properties and
 * their accessors) in a {@link io.mapper.orm.mapping.MapperRegistry}.
 *
 * <p>Layer: the ORM; the only package that reads annotations. Imports the Core, {@code orm.annotation},
 * {@code orm.state} and {@code orm.loading}.
 */
@NullMarked
package io.mapper.orm.mapping;

import org.jspecify.annotations.NullMarked;
