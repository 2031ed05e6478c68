/**
 * Spring Data auditing ({@code @CreatedDate}, {@code @LastModifiedDate}, {@code @CreatedBy},
 * {@code @LastModifiedBy}) applied in mapper's flush through a {@code SessionListener}; enabled with
 * {@code @EnableMapperAuditing}.
 */
@NullMarked
package io.mapper.spring.data.auditing;

import org.jspecify.annotations.NullMarked;
