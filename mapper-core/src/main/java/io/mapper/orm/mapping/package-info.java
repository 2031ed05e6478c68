/**
 * Declarative mapping: reads the annotations of entity classes once, at start-up, and builds a
 * {@link io.mapper.orm.mapping.Mapper} per class (its Core {@code Table} in a {@code MetaData}, its properties and
 * their accessors) in a {@link io.mapper.orm.mapping.MapperRegistry}; {@link io.mapper.orm.mapping.MappingException}
 * reports a class that cannot be mapped.
 *
 * <p>Layer: the ORM's stack is annotation, convention, state, mapping, loading, session, unitofwork, and the session
 * API ({@code io.mapper.orm}) on top; each imports only those below it ({@code OrmLayerRulesTest}). This package
 * imports the Core, {@code orm.annotation}, {@code orm.convention} and {@code orm.state}; the only package that reads
 * annotations. Internal: not API (the session API's {@code SessionFactory.model()} is the read-only view), except
 * {@code MappingException}.
 */
@NullMarked
package io.mapper.orm.mapping;

import org.jspecify.annotations.NullMarked;
