/**
 * mapper's Spring Boot auto-configuration: {@link io.mapper.spring.boot.autoconfigure.MapperAutoConfiguration}
 * (the engine over the application's {@code DataSource}), observations, properties under {@code mapper.*}, and
 * customizers.
 *
 * <p>Layer: Spring Boot integration; uses mapper's public API only.
 */
@NullMarked
package io.mapper.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
