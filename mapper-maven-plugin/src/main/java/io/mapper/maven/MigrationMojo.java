package io.mapper.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What the migration goals share: the packages of the entities, the scratch database the migrations are applied
 * to, and the project's class path; each goal adds its own parameters and builds its {@link MigrationGoal.Settings}
 * through {@link #settings}.
 */
abstract class MigrationMojo extends AbstractMojo {

    /** Packages whose {@code @Entity} classes (and sub-packages) are the models. */
    @Parameter(property = "mapper.packages", required = true)
    @Nullable List<String> packages;

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

    /** The project's classes and dependencies, where the entities are found. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    @Nullable List<String> classpathElements;

    /** The goal's settings from the shared parameters and the goal's own. */
    final MigrationGoal.Settings settings(@Nullable File location, String description, boolean allowDestructive,
            @Nullable File reviewScript, @Nullable File undoLocation) {
        return new MigrationGoal.Settings(packages == null ? List.of() : List.copyOf(packages),
                (location == null ? new File("src/main/resources/db/migration") : location).toPath(),
                description, url, user, password, scratch, allowDestructive, compareServerDefaults,
                path(reviewScript), path(undoLocation),
                (classpathElements == null ? List.<String>of() : classpathElements).stream()
                        .map(element -> new File(element).toPath()).toList());
    }

    private static @Nullable Path path(@Nullable File file) {
        return file == null ? null : file.toPath();
    }
}
