/**
 * Micrometer meters of mapper that are not observations: the {@code mapper.compiled-cache} gauges.
 *
 * <p>Layer: Spring integration; imports Micrometer and mapper's public API.
 */
@NullMarked
package io.mapper.spring.boot.metrics;

import org.jspecify.annotations.NullMarked;
