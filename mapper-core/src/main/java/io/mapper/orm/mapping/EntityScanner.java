package io.mapper.orm.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.annotation.Entity;

/** Finds the {@link Entity} classes of a package and its sub-packages, in directories and jars on the class path. */
final class EntityScanner {

    private EntityScanner() {
    }

    static List<Class<?>> scan(ClassLoader classLoader, String packageName) {
        if (packageName.isBlank()) {
            throw new ArgumentException("Scanning the whole class path is not supported: name the package of your "
                    + "entities, for example scan(\"com.example.domain\").");
        }
        String path = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                switch (root.getProtocol()) {
                    case "file" -> collectFromDirectory(Path.of(root.toURI()), packageName, classNames);
                    case "jar" -> collectFromJar(root, path, classNames);
                    default -> throw new ArgumentException("Cannot scan " + root + " for entities (protocol "
                            + root.getProtocol() + "). List the entity classes explicitly instead.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Scanning package " + packageName + " for entities failed", e);
        } catch (URISyntaxException e) {
            throw new ArgumentException("Scanning package " + packageName + " failed: " + e.getMessage(), e);
        }
        List<Class<?>> entities = new ArrayList<>();
        for (String className : classNames) {
            try {
                Class<?> candidate = Class.forName(className, false, classLoader);
                if (candidate.isAnnotationPresent(Entity.class)) {
                    entities.add(candidate);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // A class that cannot be loaded cannot be an entity we could map; skip it.
            }
        }
        entities.sort(Comparator.comparing(Class::getName));
        return entities;
    }

    private static void collectFromDirectory(Path directory, String packageName, TreeSet<String> classNames)
            throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                classNames.add(packageName + "." + name);
            });
        }
    }

    private static void collectFromJar(URL root, String path, TreeSet<String> classNames) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(path + "/") && name.endsWith(".class")) {
                    classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }
}
