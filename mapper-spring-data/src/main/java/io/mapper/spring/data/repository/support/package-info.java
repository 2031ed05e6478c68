/**
 * The repository factory and its base implementation {@code SimpleMapperRepository}: CRUD, paging and sorting and
 * Query by Example over a {@code Session}; sort properties resolved against the entity's mapping.
 */
@NullMarked
package io.mapper.spring.data.repository.support;

import org.jspecify.annotations.NullMarked;
