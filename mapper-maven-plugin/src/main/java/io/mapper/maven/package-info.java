/**
 * The Maven plugin: {@code mapper:generate-migration} ({@link io.mapper.maven.GenerateMigrationMojo}) applies the
 * project's Flyway migrations to a scratch database, compares the project's entities with it and writes the next
 * migration. A separate module and artifact; it uses mapper-core's public API ({@code io.mapper.migration},
 * {@code io.mapper.orm.SessionFactory}, whose builder maps the entities into a {@code MetaData}) and Flyway.
 */
@NullMarked
package io.mapper.maven;

import org.jspecify.annotations.NullMarked;
