package io.mapper.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Engine;
import io.mapper.exception.ArgumentException;
import io.mapper.schema.MetaData;

/**
 * Writes the difference between the models and a database as a Flyway versioned migration in the database's own
 * DDL: Alembic's {@code revision --autogenerate}. The database should be one migrated by the existing migrations (a
 * scratch database, as the Maven goal {@code mapper:generate-migration} uses); the result is numbered after them.
 *
 * <pre>{@code
 * MigrationGenerator generator = MigrationGenerator.builder(engine, sessionFactory.metadata())
 *         .location(Path.of("src/main/resources/db/migration"))
 *         .build();
 * generator.generate("add orders");   // src/main/resources/db/migration/V3__add_orders.sql
 * }</pre>
 *
 * <p>Destructive operations (dropping a table or a column, narrowing a type) are written commented out, with what
 * they would destroy, unless {@link Builder#allowDestructive} is set. Thread-safe once built; each call reads the
 * database afresh.
 */
public final class MigrationGenerator {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*\\.sql");

    private final Engine engine;
    private final MetaData models;
    private final Path location;
    private final @Nullable Path reviewScript;
    private final @Nullable Path undoLocation;
    private final boolean allowDestructive;
    private final CompareOptions options;

    private MigrationGenerator(Builder builder) {
        this.engine = builder.engine;
        this.models = builder.models;
        this.location = builder.location;
        this.reviewScript = builder.reviewScript;
        this.undoLocation = builder.undoLocation;
        this.allowDestructive = builder.allowDestructive;
        this.options = builder.options;
    }

    /** A generator comparing {@code models} with the database of {@code engine}. */
    public static Builder builder(Engine engine, MetaData models) {
        return new Builder(engine, models);
    }

    /** The differences between the models and the database now. */
    public SchemaDiff compare() {
        return SchemaComparison.compare(engine, models, options);
    }

    /** The SQL that would remove the differences, for review; nothing is written. */
    public String script(String description) {
        return new MigrationScript(engine.dialect(), models, allowDestructive).render(compare(), description);
    }

    /**
     * Writes the next versioned migration, {@code V<next>__<description>.sql}, into the location (created if
     * missing), and the review copy when one was configured; empty, writing nothing, when the models and the
     * database agree.
     */
    public Optional<GeneratedMigration> generate(String description) {
        String slug = slug(description);
        SchemaDiff diff = compare();
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        int version = nextVersion(location);
        MigrationScript script = new MigrationScript(engine.dialect(), models, allowDestructive);
        String sql = script.render(diff, "V" + version + ": " + description);
        Path file = location.resolve("V" + version + "__" + slug + ".sql");
        write(file, sql);
        Path scriptConfig = null;
        if (!script.runsInTransaction(diff)) {
            // Flyway's per-script configuration: the script opens and commits its own transaction.
            scriptConfig = location.resolve(file.getFileName() + ".conf");
            write(scriptConfig, "# Written by mapper with " + file.getFileName() + ": the migration switches SQLite's "
                    + "foreign-key enforcement off\n# around its table rebuilds, which works only outside a "
                    + "transaction, and opens its own.\nexecuteInTransaction=false\n");
        }
        if (reviewScript != null) {
            write(reviewScript, "-- A copy of " + file.getFileName() + " for review; Flyway applies the original.\n"
                    + sql);
        }
        Path undo = null;
        if (undoLocation != null) {
            undo = undoLocation.resolve("U" + version + "__" + slug + ".sql");
            write(undo, undoScript(diff, version, description, file));
        }
        return Optional.of(new GeneratedMigration(version, file, reviewScript, sql, diff, scriptConfig, undo));
    }

    /**
     * The undo of a migration, for review: the inverse operations in the database's DDL, rendered against the
     * schema as it was (so that a SQLite rebuild recreates the old definition). Written live, not commented out:
     * nothing applies it but you.
     */
    private String undoScript(SchemaDiff diff, int version, String description, Path file) {
        MetaData before = new MetaData(models.namingConvention());
        before.reflect(engine);
        String sql = new MigrationScript(engine.dialect(), before, true).render(UndoOperations.of(diff),
                "U" + version + ": undo " + description);
        return "-- The undo of " + file.getFileName() + ", for review: Flyway Community does not run undo migrations,\n"
                + "-- and this file is not in a Flyway location. Data that the migration dropped is not restored;\n"
                + "-- a column or table it added is dropped with its data. Apply it by hand, then delete the\n"
                + "-- migration's row from flyway_schema_history.\n" + sql;
    }

    /** One more than the highest version of the {@code V<version>__*.sql} migrations in the location, or 1. */
    public static int nextVersion(Path location) {
        if (!Files.isDirectory(location)) {
            return 1;
        }
        try (Stream<Path> files = Files.list(location)) {
            return files.map(path -> VERSIONED.matcher(path.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1))).max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migrations in " + location + ": " + e.getMessage(), e);
        }
    }

    /** The description as Flyway's file names have it: lower case words joined by underscores. */
    static String slug(String description) {
        Objects.requireNonNull(description, "description must not be null");
        String slug = description.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new ArgumentException("The migration's description '" + description + "' has no letter or digit; "
                    + "describe the change, for example \"add orders\".");
        }
        return slug;
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the migration " + file + ": " + e.getMessage(), e);
        }
    }

    /** Configures a {@link MigrationGenerator}. Not thread-safe. */
    public static final class Builder {

        private final Engine engine;
        private final MetaData models;
        private Path location = Path.of("src/main/resources/db/migration");
        private @Nullable Path reviewScript;
        private @Nullable Path undoLocation;
        private boolean allowDestructive;
        private CompareOptions options = CompareOptions.DEFAULT;

        private Builder(Engine engine, MetaData models) {
            this.engine = Objects.requireNonNull(engine, "engine must not be null");
            this.models = Objects.requireNonNull(models, "models must not be null: pass the Core MetaData or "
                    + "sessionFactory.metadata()");
        }

        /** The Flyway location to number after and write into; {@code src/main/resources/db/migration} unless set. */
        public Builder location(Path directory) {
            this.location = Objects.requireNonNull(directory, "location must not be null");
            return this;
        }

        /** Where to write a plain copy of each generated migration for review (for example under target/). */
        public Builder reviewScript(Path file) {
            this.reviewScript = Objects.requireNonNull(file, "reviewScript must not be null");
            return this;
        }

        /**
         * Where to write the undo of each generated migration, {@code U<version>__<description>.sql}, for review (not
         * a Flyway location: Flyway Community does not run undo migrations); none unless set.
         */
        public Builder undoLocation(Path directory) {
            this.undoLocation = Objects.requireNonNull(directory, "undoLocation must not be null");
            return this;
        }

        /** Whether dropping tables and columns and narrowing types is written as live SQL rather than commented out. */
        public Builder allowDestructive(boolean allow) {
            this.allowDestructive = allow;
            return this;
        }

        /** What the comparison looks at; {@link CompareOptions#DEFAULT} unless set. */
        public Builder options(CompareOptions compareOptions) {
            this.options = Objects.requireNonNull(compareOptions, "options must not be null");
            return this;
        }

        /** The generator. */
        public MigrationGenerator build() {
            return new MigrationGenerator(this);
        }
    }
}
