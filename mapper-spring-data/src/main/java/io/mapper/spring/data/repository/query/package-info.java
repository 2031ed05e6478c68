/**
 * Repository query methods: derived queries compiled from method names (Spring Data's {@code PartTree}) into mapper
 * entity selects, and {@code @Query} methods running mapper text SQL with named parameters.
 */
@NullMarked
package io.mapper.spring.data.repository.query;

import org.jspecify.annotations.NullMarked;
