package io.mapper.maven;

import java.io.File;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

import io.mapper.exception.MapperException;

/**
 * {@code ./mvnw mapper:generate-migration -Dmapper.migration.description="add orders"}: applies the project's Flyway
 * migrations to a scratch database (embedded H2 or SQLite, or the database of {@code mapper.migration.url}), compares
 * the project's entities with it and writes the next versioned migration, {@code V<next>__<description>.sql}, into
 * the migration location, and a copy for review under {@code target/mapper}. The SQL is written in the scratch
 * database's dialect: point {@code url} at a scratch database of the kind you deploy to.
 */
@Mojo(name = "generate-migration", requiresDependencyResolution = ResolutionScope.COMPILE,
        defaultPhase = LifecyclePhase.NONE, threadSafe = true)
public final class GenerateMigrationMojo extends MigrationMojo {

    /** The Flyway location the migration is numbered after and written into. */
    @Parameter(property = "mapper.migration.location",
            defaultValue = "${project.basedir}/src/main/resources/db/migration")
    @Nullable File location;

    /** What the migration does, in words; it becomes the file name's description. */
    @Parameter(property = "mapper.migration.description", defaultValue = "migration")
    String description = "migration";

    /** Whether dropping tables and columns and narrowing types is written as live SQL rather than commented out. */
    @Parameter(property = "mapper.migration.allow-destructive", defaultValue = "false")
    boolean allowDestructive;

    /** Where the copy for review is written. */
    @Parameter(defaultValue = "${project.build.directory}/mapper/migration-review.sql")
    @Nullable File reviewScript;

    /**
     * Where the undo of each migration is written for review, {@code U<version>__<description>.sql}; not a Flyway
     * location, as Flyway Community does not run undo migrations.
     */
    @Parameter(property = "mapper.migration.undo-location", defaultValue = "${project.build.directory}/mapper/undo")
    @Nullable File undoLocation;

    @Override
    public void execute() throws MojoExecutionException {
        MigrationGoal.Settings settings = settings(location, description, allowDestructive, reviewScript,
                undoLocation);
        try {
            MigrationGoal.run(settings, getLog()::info);
        } catch (MapperException | org.flywaydb.core.api.FlywayException e) {
            throw new MojoExecutionException("mapper:generate-migration failed: " + e.getMessage(), e);
        }
    }
}
