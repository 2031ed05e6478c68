package io.mapper.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
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
public final class CheckMigrationsMojo extends AbstractMojo {

    /** Packages whose {@code @Entity} classes (and sub-packages) are the models. */
    @Parameter(property = "mapper.packages", required = true)
    @Nullable List<String> packages;

    /** The Flyway location whose migrations are applied and checked. */
    @Parameter(property = "mapper.migration.location",
            defaultValue = "${project.basedir}/src/main/resources/db/migration")
    @Nullable File location;

    /** JDBC URL of a scratch database to migrate and compare with; unset: an embedded {@code scratch} database. */
    @Parameter(property = "mapper.migration.url")
    @Nullable String url;

    /** User for {@code url}. */
    @Parameter(property = "mapper.migration.user")
    @Nullable String user;

    /** Password for {@code url}. */
    @Parameter(property = "mapper.migration.password")
    @Nullable String password;

    /** The embedded scratch database when no url is set: {@code h2} or {@code sqlite}. */
    @Parameter(property = "mapper.migration.scratch", defaultValue = "h2")
    String scratch = "h2";

    /** Whether server defaults are compared too. */
    @Parameter(property = "mapper.migration.compare-server-defaults", defaultValue = "false")
    boolean compareServerDefaults;

    /** Whether the check is skipped. */
    @Parameter(property = "mapper.migration.check.skip", defaultValue = "false")
    boolean skip;

    /** The project's classes and dependencies, where the entities are found. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    @Nullable List<String> classpathElements;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mapper:check-migrations skipped.");
            return;
        }
        MigrationGoal.Settings settings = new MigrationGoal.Settings(
                packages == null ? List.of() : List.copyOf(packages),
                (location == null ? new File("src/main/resources/db/migration") : location).toPath(),
                "check", url, user, password, scratch, false, compareServerDefaults, null, null,
                (classpathElements == null ? List.<String>of() : classpathElements).stream()
                        .map(element -> new File(element).toPath()).toList());
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
