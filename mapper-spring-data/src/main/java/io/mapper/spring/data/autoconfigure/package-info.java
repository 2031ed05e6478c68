/**
 * Spring Boot auto-configuration of mapper repositories: finds repository interfaces in the application's
 * auto-configuration packages, as Boot's {@code DataJdbcRepositoriesAutoConfiguration} does.
 */
@NullMarked
package io.mapper.spring.data.autoconfigure;

import org.jspecify.annotations.NullMarked;
