/**
 * Bootstrapping of mapper repositories: {@code @EnableMapperRepositories}, its registrar and the Spring Data
 * configuration extension that points each repository's factory bean at the {@code Session} and transaction manager.
 */
@NullMarked
package io.mapper.spring.data.repository.config;

import org.jspecify.annotations.NullMarked;
