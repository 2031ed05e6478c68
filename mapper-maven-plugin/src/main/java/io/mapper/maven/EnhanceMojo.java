package io.mapper.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import io.mapper.enhancer.Enhancer;

/**
 * {@code mapper:enhance}, bound to {@code process-classes}: rewrites the compiled entity classes so that they count
 * the writes to their mapped fields, and the session's flush compares only the objects written since they were
 * loaded or flushed (docs/orm.md, "Change tracking"). Running it again changes nothing.
 */
@Mojo(name = "enhance", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public final class EnhanceMojo extends AbstractMojo {

    /** The compiled classes to enhance (the entities) and whose writes to entity fields to rewrite. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    @Nullable File classesDirectory;

    /** Only the entities in these packages (and their subpackages) are enhanced; empty: every entity. */
    @Parameter(property = "mapper.enhance.packages")
    @Nullable List<String> packages;

    /** Whether the goal is skipped. */
    @Parameter(property = "mapper.enhance.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("mapper:enhance skipped.");
            return;
        }
        if (classesDirectory == null || !classesDirectory.isDirectory()) {
            getLog().info("mapper:enhance: no compiled classes in " + classesDirectory + ", nothing to enhance.");
            return;
        }
        try {
            Enhancer.Result result = Enhancer.enhance(classesDirectory.toPath(),
                    packages == null ? List.of() : new ArrayList<>(packages));
            getLog().info("mapper:enhance: " + result.enhanced().size() + " entity classes enhanced, field writes "
                    + "rewritten in " + result.rewritten().size() + " other classes.");
            result.enhanced().forEach(name -> getLog().debug("  enhanced " + name));
            result.warnings().forEach(getLog()::warn);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("mapper:enhance could not rewrite the classes in " + classesDirectory
                    + ": " + e.getMessage() + ". Run './mvnw clean compile' and try again; if it persists, report "
                    + "the class it names.", e);
        }
    }
}
