/**
 * Spring Data repositories over mapper's ORM: {@link io.mapper.spring.data.repository.MapperRepository}, the
 * {@link io.mapper.spring.data.repository.Query @Query} and {@link io.mapper.spring.data.repository.Modifying
 * @Modifying} annotations. Uses mapper's public API and Spring Data Commons; repositories run in the
 * transaction-bound {@code Session}.
 */
@NullMarked
package io.mapper.spring.data.repository;

import org.jspecify.annotations.NullMarked;
