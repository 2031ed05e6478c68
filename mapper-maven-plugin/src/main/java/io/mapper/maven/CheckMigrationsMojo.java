package io.mapper.maven;

import java.io.File;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

import io.mapper.exception.MapperException;
import io.mapper.migration.SchemaDiff;

/**
 * {@code ./mvnw compile mapper:check-migrations}: applies the project's Flyway migrations to a scratch database and
 * fails the build, naming each difference, when the project's entities differ from the schema they produce
 * (Alembic's {@code check}). Bound to {@code verify} when declared in an execution, so that a change to an entity
 * without its migration fails CI.
 */
@Mojo(name = "check-migrations", requiresDependencyResolution = ResolutionScope.COMPILE,
        defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMigrationsMojo extends MigrationMojo {

    /** The Flyway location whose migrations are applied and checked. */
    @Parameter(property = "mapper.migration.location",
            defaultValue = "${project.basedir}/src/main/resources/db/migration")
    @Nullable File location;

    /** Whether the check is skipped. */
    @Parameter(property = "mapper.migration.check.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mapper:check-migrations skipped.");
            return;
        }
        MigrationGoal.Settings settings = settings(location, "check", false, null, null);
        SchemaDiff diff;
        try {
            diff = MigrationGoal.check(settings, getLog()::info);
        } catch (MapperException | org.flywaydb.core.api.FlywayException e) {
            throw new MojoExecutionException("mapper:check-migrations failed: " + e.getMessage(), e);
        }
        if (!diff.isEmpty()) {
            diff.describe().forEach(line -> getLog().error("  " + line));
            throw new MojoFailureException("The entities and the migrations in " + settings.location() + " differ:\n  - "
                    + String.join("\n  - ", diff.describe())
                    + "\nGenerate the missing migration (./mvnw compile mapper:generate-migration "
                    + "-Dmapper.migration.description=\"...\"), review it and commit it with the entity change.");
        }
    }
}
