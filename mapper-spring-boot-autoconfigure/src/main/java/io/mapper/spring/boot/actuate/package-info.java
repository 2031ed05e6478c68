/**
 * mapper's Actuator endpoint ({@code /actuator/mapper}): mapped entities, dialect and compiled-cache statistics.
 *
 * <p>Layer: Spring Boot Actuator integration; imports Actuator and mapper's public API.
 */
@NullMarked
package io.mapper.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
