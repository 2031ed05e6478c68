/**
 * The demo store: a Spring Boot application built only on mapper-spring-boot-starter's public API. The domain is in
 * {@code domain}, the transactional use cases in {@code service}, the REST API and its error bodies in {@code web}.
 */
@NullMarked
package io.mapper.demo;

import org.jspecify.annotations.NullMarked;
