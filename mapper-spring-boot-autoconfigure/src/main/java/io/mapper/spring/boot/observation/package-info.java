/**
 * Micrometer observations of mapper's statements: the {@code mapper.query} observation with its context and
 * overridable convention, built on the Core's statement listeners.
 *
 * <p>Layer: Spring integration; imports Micrometer and mapper's public API.
 */
@NullMarked
package io.mapper.spring.boot.observation;

import org.jspecify.annotations.NullMarked;
