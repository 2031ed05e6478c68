package io.mapper.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

import io.mapper.engine.Engine;
import io.mapper.exception.ArgumentException;
import io.mapper.migration.CompareOptions;
import io.mapper.migration.GeneratedMigration;
import io.mapper.migration.MigrationGenerator;
import io.mapper.migration.SchemaComparison;
import io.mapper.migration.SchemaDiff;
import io.mapper.orm.SessionFactory;
import io.mapper.schema.MetaData;

/**
 * What {@code mapper:generate-migration} and {@code mapper:check-migrations} do, without Maven: load the project's
 * classes, migrate a scratch database with the project's migrations, compare the entities with it, and write the
 * next migration or report the differences.
 */
final class MigrationGoal {

    /** The goal's configuration; {@code url} null means an embedded scratch database of kind {@code scratch}. */
    record Settings(List<String> packages, Path location, String description, @Nullable String url,
            @Nullable String user, @Nullable String password, String scratch, boolean allowDestructive,
            boolean compareServerDefaults, @Nullable Path reviewScript, @Nullable Path undoLocation,
            List<Path> classpath) {
    }

    private MigrationGoal() {
    }

    static Optional<GeneratedMigration> run(Settings settings, Consumer<String> log) {
        return withMigratedScratch(settings, log, (engine, models) -> {
            MigrationGenerator.Builder generator = MigrationGenerator.builder(engine, models)
                    .location(settings.location()).allowDestructive(settings.allowDestructive())
                    .options(options(settings));
            if (settings.reviewScript() != null) {
                generator.reviewScript(settings.reviewScript());
            }
            if (settings.undoLocation() != null) {
                generator.undoLocation(settings.undoLocation());
            }
            Optional<GeneratedMigration> migration = generator.build().generate(settings.description());
            if (migration.isEmpty()) {
                log.accept("The models and the migrations agree: no migration written.");
            } else {
                log.accept("Wrote " + migration.get().file() + " (" + engine.dialect().name() + "):");
                migration.get().diff().describe().forEach(line -> log.accept("  " + line));
                if (migration.get().undoScript() != null) {
                    log.accept("Wrote " + migration.get().undoScript() + ", its undo, for review (not applied).");
                }
                if (migration.get().scriptConfig() != null) {
                    log.accept("Wrote " + migration.get().scriptConfig()
                            + ": the migration rebuilds tables and runs outside Flyway's transaction.");
                }
            }
            return migration;
        });
    }

    /**
     * What {@code mapper:check-migrations} does: the differences between the entities and the migrations applied to
     * the scratch database, Alembic's {@code check}; empty when they agree.
     */
    static SchemaDiff check(Settings settings, Consumer<String> log) {
        return withMigratedScratch(settings, log, (engine, models) -> {
            SchemaDiff diff = SchemaComparison.compare(engine, models, options(settings));
            if (diff.isEmpty()) {
                log.accept("The models and the migrations agree.");
            }
            return diff;
        });
    }

    private static CompareOptions options(Settings settings) {
        return CompareOptions.DEFAULT.withServerDefaults(settings.compareServerDefaults());
    }

    /** Loads the project's classes, migrates the scratch database, maps the entities, and hands both to the work. */
    private static <T> T withMigratedScratch(Settings settings, Consumer<String> log,
            BiFunction<Engine, MetaData, T> work) {
        if (settings.packages().isEmpty()) {
            throw new ArgumentException("No entity packages to scan: configure <packages><package>com.example.domain"
                    + "</package></packages> (or -Dmapper.packages=com.example.domain).");
        }
        try (URLClassLoader projectLoader = new URLClassLoader(urls(settings.classpath()),
                MigrationGoal.class.getClassLoader());
                Scratch scratch = Scratch.open(settings)) {
            if (Files.isDirectory(settings.location())) {
                Flyway.configure(projectLoader).dataSource(scratch.url(), settings.user(), settings.password())
                        .locations("filesystem:" + settings.location().toAbsolutePath()).load().migrate();
            } else {
                log.accept("No migrations in " + settings.location() + " yet: the first one creates the whole schema.");
            }
            Engine.Builder builder = Engine.builder(scratch.url()).poolSize(1);
            if (settings.user() != null) {
                builder.username(settings.user());
            }
            if (settings.password() != null) {
                builder.password(settings.password());
            }
            try (Engine engine = builder.build()) {
                MetaData models = mappedTables(settings, projectLoader, engine);
                log.accept("Comparing " + models.tables().size() + " mapped tables with " + settings.location()
                        + " applied to " + scratch.describe());
                return work.apply(engine, models);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables of the project's entities: what a session factory over them would map, nothing connected. */
    private static MetaData mappedTables(Settings settings, ClassLoader projectLoader, Engine engine) {
        MetaData models = new MetaData();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(projectLoader);
        try {
            SessionFactory.builder(engine).classLoader(projectLoader).metadata(models)
                    .scan(settings.packages().toArray(String[]::new)).build();
        } finally {
            thread.setContextClassLoader(previous);
        }
        return models;
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path element : classpath) {
            try {
                urls.add(element.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ArgumentException("Classpath element " + element + " is no URL: " + e.getMessage());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** The database the migrations are applied to: a configured one, or an embedded one removed afterwards. */
    private record Scratch(String url, @Nullable Path file, boolean embeddedH2) implements AutoCloseable {

        static Scratch open(Settings settings) throws IOException {
            if (settings.url() != null && !settings.url().isBlank()) {
                return new Scratch(settings.url(), null, false);
            }
            return switch (settings.scratch()) {
                // DB_CLOSE_DELAY keeps the in-memory database between Flyway's connection and the engine's.
                case "h2" -> new Scratch("jdbc:h2:mem:mapper_migration_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        null, true);
                case "sqlite" -> {
                    Path file = Files.createTempFile("mapper-migration", ".db");
                    yield new Scratch("jdbc:sqlite:" + file, file, false);
                }
                default -> throw new ArgumentException("Unknown scratch database '" + settings.scratch()
                        + "': use h2 or sqlite, or set a JDBC url (mapper.migration.url) for PostgreSQL or MariaDB.");
            };
        }

        String describe() {
            return embeddedH2 ? "an embedded H2 database" : file != null ? "an embedded SQLite database" : url;
        }

        @Override
        public void close() throws IOException {
            if (embeddedH2) {
                try (var connection = DriverManager.getConnection(url);
                        var statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    throw new IOException("Cannot shut the scratch H2 database down: " + e.getMessage(), e);
                }
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
