package io.mapper.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The goal through its Java entry point, as Maven runs it: the entities are compiled into a directory that is not
 * on this test's class path, so they are found only through the project class path the goal is given.
 */
class GenerateMigrationMojoTest {

    private static final String CUSTOMER_V1 = """
            package com.example.shop;

            import io.mapper.orm.annotation.*;

            @Entity
            @Table(name = "customer")
            public class Customer {
                @Id @GeneratedValue Long id;
                @Column(length = 50, nullable = false) String name;
                @Column(length = 200) String note;
            }
            """;

    private static final String CUSTOMER_V2 = """
            package com.example.shop;

            import io.mapper.orm.annotation.*;

            @Entity
            @Table(name = "customer")
            public class Customer {
                @Id @GeneratedValue Long id;
                @Column(length = 50, nullable = false) String name;
                @Column(length = 100, index = true) String email;
            }
            """;

    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void writesTheFirstMigrationThenOnlyTheDifference(String scratch) throws Exception {
        Path location = project.resolve("src/main/resources/db/migration");
        Path review = project.resolve("target/mapper/migration-review.sql");
        assertThatThrownBy(() -> Class.forName("com.example.shop.Customer"))
                .isInstanceOf(ClassNotFoundException.class);

        mojo(compile(CUSTOMER_V1, "v1"), location, review, scratch, "create customers").execute();
        Path first = location.resolve("V1__create_customers.sql");
        assertThat(Files.readString(first)).contains("CREATE TABLE customer").contains("note VARCHAR(200)");
        assertThat(Files.readString(review)).contains("A copy of V1__create_customers.sql for review")
                .contains("CREATE TABLE customer");

        // Nothing changed: the existing migration is applied to the scratch database and nothing is written.
        mojo(compile(CUSTOMER_V1, "v1-again"), location, review, scratch, "nothing").execute();
        assertThat(migrations(location)).containsExactly("V1__create_customers.sql");

        mojo(compile(CUSTOMER_V2, "v2"), location, review, scratch, "customer email").execute();
        assertThat(migrations(location)).containsExactly("V1__create_customers.sql", "V2__customer_email.sql");
        String second = Files.readString(location.resolve("V2__customer_email.sql"));
        assertThat(second).contains("ALTER TABLE customer ADD COLUMN email VARCHAR(100)")
                .contains("CREATE INDEX ix_customer_email ON customer (email)")
                .contains("-- DESTRUCTIVE, commented out: drops column customer.note and every value in it.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite"})
    void checkMigrationsFailsNamingEachDifferenceUntilTheMigrationIsWritten(String scratch) throws Exception {
        Path location = project.resolve("src/main/resources/db/migration");
        Path review = project.resolve("target/mapper/migration-review.sql");
        Path v1 = compile(CUSTOMER_V1, "v1");
        mojo(v1, location, review, scratch, "create customers").execute();
        check(v1, location, scratch).execute();

        Path v2 = compile(CUSTOMER_V2, "v2");
        assertThatThrownBy(() -> check(v2, location, scratch).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("add column customer.email")
                .hasMessageContaining("remove column customer.note")
                .hasMessageContaining("mapper:generate-migration");
        assertThat(migrations(location)).containsExactly("V1__create_customers.sql");

        GenerateMigrationMojo generate = mojo(v2, location, review, scratch, "customer email");
        generate.allowDestructive = true;
        generate.execute();
        check(v2, location, scratch).execute();

        CheckMigrationsMojo skipped = check(v1, location, scratch);
        skipped.skip = true;
        skipped.execute();
    }

    private static CheckMigrationsMojo check(Path classes, Path location, String scratch) {
        CheckMigrationsMojo mojo = new CheckMigrationsMojo();
        mojo.packages = List.of("com.example.shop");
        mojo.location = location.toFile();
        mojo.scratch = scratch;
        mojo.classpathElements = List.of(classes.toString());
        return mojo;
    }

    @Test
    void withoutPackagesTheGoalSaysWhatToConfigure() {
        GenerateMigrationMojo mojo = mojo(project, project.resolve("migrations"), project.resolve("review.sql"), "h2",
                "x");
        mojo.packages = List.of();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("<packages><package>com.example.domain</package></packages>");
    }

    @Test
    void anUnknownScratchDatabaseIsNamed() {
        GenerateMigrationMojo mojo = mojo(project, project.resolve("migrations"), project.resolve("review.sql"),
                "oracle", "x");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Unknown scratch database 'oracle'").hasMessageContaining("h2 or sqlite");
    }

    private static GenerateMigrationMojo mojo(Path classes, Path location, Path review, String scratch,
            String description) {
        GenerateMigrationMojo mojo = new GenerateMigrationMojo();
        mojo.packages = List.of("com.example.shop");
        mojo.location = location.toFile();
        mojo.reviewScript = review.toFile();
        mojo.scratch = scratch;
        mojo.description = description;
        mojo.classpathElements = List.of(classes.toString());
        return mojo;
    }

    /** Compiles one entity into its own output directory, against this test's class path (mapper-core). */
    private Path compile(String source, String name) throws IOException {
        Path sources = project.resolve("src-" + name + "/com/example/shop");
        Files.createDirectories(sources);
        Path file = sources.resolve("Customer.java");
        Files.writeString(file, source);
        Path classes = project.resolve("classes-" + name);
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-proc:none", "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString(), file.toString());
        assertThat(status).as("compiling the entity").isZero();
        return classes;
    }

    private static List<String> migrations(Path location) throws IOException {
        try (Stream<Path> files = Files.list(location)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
