package io.mapper.migration;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A Flyway versioned migration written by {@link MigrationGenerator#generate}.
 *
 * @param version the version, one more than the highest already in the location ({@code 3})
 * @param file the migration, {@code V<version>__<description>.sql} in the location
 * @param reviewScript the plain copy for review, or {@code null} when none was asked for
 * @param sql the migration's text
 * @param diff the differences it removes
 * @param scriptConfig Flyway's per-script configuration beside it ({@code V<version>__<description>.sql.conf},
 *        {@code executeInTransaction=false}) when the migration must run outside a transaction (SQLite table
 *        rebuilds), or {@code null}
 * @param undoScript the undo for review, {@code U<version>__<description>.sql} in the undo location, or {@code null}
 *        when no undo location was set
 */
public record GeneratedMigration(int version, Path file, @Nullable Path reviewScript, String sql, SchemaDiff diff,
        @Nullable Path scriptConfig, @Nullable Path undoScript) {
}
