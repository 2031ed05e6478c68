package io.mapper.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mapper.engine.Engine;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.state.Enhanced;
import io.mapper.orm.state.Tracked;

/**
 * {@code mapper:enhance} through its Java entry point, as Maven runs it after {@code compile}: a project's entity and
 * a class writing its field are compiled into a directory of their own, enhanced, loaded, and used in a session.
 */
class EnhanceMojoTest {

    private static final Map<String, String> SOURCES = Map.of("com/example/shop/Customer.java", """
            package com.example.shop;

            import io.mapper.orm.annotation.*;

            @Entity
            @Table(name = "customer")
            public class Customer {
                @Id @GeneratedValue Long id;
                @Column(length = 50) String name;
                public Customer() { }
                public Customer(String name) { this.name = name; }
                public String getName() { return name; }
                public void setName(String name) { this.name = name; }
            }
            """, "com/example/shop/Renamer.java", """
            package com.example.shop;

            public final class Renamer {
                public static void rename(Customer customer, String name) { customer.name = name; }
            }
            """);

    @TempDir
    Path project;

    @Test
    void enhancesTheEntitiesAndTheWritesToThemOnceAndTheSessionFlushesThem() throws Exception {
        Path classes = compile();
        byte[] before = Files.readAllBytes(classes.resolve("com/example/shop/Customer.class"));
        mojo(classes).execute();
        byte[] enhanced = Files.readAllBytes(classes.resolve("com/example/shop/Customer.class"));
        assertThat(enhanced).isNotEqualTo(before);
        mojo(classes).execute();
        assertThat(Files.readAllBytes(classes.resolve("com/example/shop/Customer.class")))
                .as("a second run changes nothing").isEqualTo(enhanced);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> customerClass = loader.loadClass("com.example.shop.Customer");
            assertThat(customerClass).hasAnnotation(Enhanced.class);
            Object customer = customerClass.getConstructor(String.class).newInstance("ann");
            Tracked tracked = (Tracked) customer;
            assertThat(tracked.$mapper$writes()).isZero();
            loader.loadClass("com.example.shop.Renamer").getMethod("rename", customerClass, String.class)
                    .invoke(null, customer, "anne");
            assertThat(tracked.$mapper$writes()).isEqualTo(1);

            Engine engine = Engine.create("jdbc:sqlite:" + project.resolve("shop.db"));
            try {
                SessionFactory sessions = SessionFactory.builder(engine).entities(customerClass).build();
                sessions.metadata().createAll(engine);
                try (Session session = sessions.open()) {
                    session.add(customer);
                    session.commit();
                }
                try (Session session = sessions.open()) {
                    Object loaded = session.query(customerClass).one();
                    customerClass.getMethod("setName", String.class).invoke(loaded, "annie");
                    assertThat(session.isModified(loaded)).isTrue();
                    session.commit();
                }
                try (Session session = sessions.open()) {
                    Object loaded = session.query(customerClass).one();
                    assertThat(customerClass.getMethod("getName").invoke(loaded)).isEqualTo("annie");
                    assertThat(session.isModified(loaded)).isFalse();
                }
            } finally {
                engine.close();
            }
        }
    }

    @Test
    void aMissingClassesDirectoryIsNothingToDo() throws Exception {
        EnhanceMojo mojo = new EnhanceMojo();
        mojo.classesDirectory = project.resolve("target/classes").toFile();
        mojo.execute();
        assertThat(project.resolve("target")).doesNotExist();
    }

    private static EnhanceMojo mojo(Path classes) {
        EnhanceMojo mojo = new EnhanceMojo();
        mojo.classesDirectory = classes.toFile();
        mojo.packages = List.of("com.example.shop");
        return mojo;
    }

    /** Compiles the sources into their own output directory, against this test's class path (mapper-core). */
    private Path compile() throws IOException {
        Path sources = project.resolve("src");
        Path classes = project.resolve("classes");
        Files.createDirectories(classes);
        String[] arguments = new String[6 + SOURCES.size()];
        arguments[0] = "-proc:none";
        arguments[1] = "-classpath";
        arguments[2] = System.getProperty("java.class.path");
        arguments[3] = "-d";
        arguments[4] = classes.toString();
        arguments[5] = "-g";
        int i = 6;
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments[i++] = file.toString();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments)).isZero();
        return classes;
    }
}
