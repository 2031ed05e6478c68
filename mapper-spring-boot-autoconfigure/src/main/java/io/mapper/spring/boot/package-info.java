/**
 * Spring integration of mapper: {@link io.mapper.spring.boot.SpringConnectionProvider} (connections through
 * {@code DataSourceUtils}, so mapper joins Spring transactions) and {@link io.mapper.spring.boot.MapperExceptionTranslator}
 * (mapper's exceptions as Spring's {@code DataAccessException}s).
 *
 * <p>Layer: the only place besides the auto-configuration that imports Spring; uses mapper's public API only.
 */
@NullMarked
package io.mapper.spring.boot;

import org.jspecify.annotations.NullMarked;
