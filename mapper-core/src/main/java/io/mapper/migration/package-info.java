/**
 * Migrations: compares a {@link io.mapper.schema.MetaData} (Core tables or mapped entities) with a live database
 * ({@link io.mapper.migration.SchemaComparison}), and writes the difference as a reviewed-quality Flyway migration
 * in the database's own DDL ({@link io.mapper.migration.MigrationGenerator}); {@link io.mapper.migration.MigrationCheck}
 * fails a test when the models and the migrated schema differ. Alembic's autogenerate and {@code check}, for Flyway.
 *
 * <p>Layer: above {@code engine}; imports {@code engine}, {@code dialect} (the SPI only, never a concrete
 * {@code io.mapper.dialect.<db>} package), {@code compiler}, {@code schema} and below, never the ORM.
 */
@NullMarked
package io.mapper.migration;

import org.jspecify.annotations.NullMarked;
