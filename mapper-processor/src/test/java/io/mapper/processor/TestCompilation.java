package io.mapper.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.jspecify.annotations.Nullable;

/**
 * Compiles a small test project with {@code javax.tools.JavaCompiler}: the sources are written to a temporary
 * directory, the test class path (mapper-core included) is the compiler's class path, and the processor is passed
 * explicitly (or none, to compile exactly what the runtime would see without a metamodel).
 */
final class TestCompilation {

    private final Path root;
    private final Map<String, String> sources;
    private final boolean success;
    private final List<Diagnostic<? extends JavaFileObject>> diagnostics;

    private TestCompilation(Path root, Map<String, String> sources, boolean success,
            List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        this.root = root;
        this.sources = sources;
        this.success = success;
        this.diagnostics = diagnostics;
    }

    /** Compiles {@code sources} (path such as {@code com/example/User.java} to text) with the metamodel processor. */
    static TestCompilation withProcessor(Path root, Map<String, String> sources) {
        return compile(root, sources, List.of(new MetamodelProcessor()));
    }

    /** Compiles {@code sources} with the metamodel processor and javac options such as {@code -Akey=value}. */
    static TestCompilation withProcessorOptions(Path root, Map<String, String> sources, String... options) {
        return compile(root, sources, List.of(new MetamodelProcessor()), options);
    }

    /** Compiles {@code sources} with the metamodel processor after {@code others}. */
    static TestCompilation withProcessors(Path root, Map<String, String> sources, Processor... others) {
        List<Processor> processors = new ArrayList<>(List.of(others));
        processors.add(new MetamodelProcessor());
        return compile(root, sources, processors);
    }

    /** Compiles {@code sources} without any annotation processor. */
    static TestCompilation withoutProcessor(Path root, Map<String, String> sources) {
        return compile(root, sources, List.of(), "-proc:none");
    }

    /**
     * Compiles {@code sources} with the test class path as {@code --processor-path} and no processor named, as
     * maven-compiler-plugin's {@code annotationProcessorPaths} does: javac finds processors through
     * {@code META-INF/services}.
     */
    static TestCompilation withDiscoveredProcessors(Path root, Map<String, String> sources) {
        return compile(root, sources, null, "--processor-path", testClassPath());
    }

    private static TestCompilation compile(Path root, Map<String, String> sources,
            @Nullable List<Processor> processors, String... extraOptions) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Path sourceDir = Files.createDirectories(root.resolve("src"));
            Files.createDirectories(root.resolve("classes"));
            Files.createDirectories(root.resolve("generated"));
            List<Path> paths = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path path = sourceDir.resolve(source.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, source.getValue());
                paths.add(path);
            }
            List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all,-processing",
                    "-classpath", testClassPath(),
                    "-d", root.resolve("classes").toString(),
                    "-s", root.resolve("generated").toString()));
            options.addAll(List.of(extraOptions));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, collector, options, null,
                    files.getJavaFileObjectsFromPaths(paths));
            if (processors != null) {
                task.setProcessors(processors);
            }
            boolean success = task.call();
            return new TestCompilation(root, sources, success, List.copyOf(collector.getDiagnostics()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path the tests run with; Surefire keeps the real one aside when it uses a manifest-only jar. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    boolean success() {
        return success;
    }

    List<Diagnostic<? extends JavaFileObject>> diagnostics() {
        return diagnostics;
    }

    List<Diagnostic<? extends JavaFileObject>> diagnostics(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(diagnostic -> diagnostic.getKind() == kind).toList();
    }

    /** Every diagnostic, one per line, for assertion messages. */
    String describeDiagnostics() {
        StringBuilder out = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
            out.append(diagnostic.getKind()).append(' ')
                    .append(diagnostic.getSource() == null ? "-" : diagnostic.getSource().getName())
                    .append(':').append(diagnostic.getLineNumber()).append(' ')
                    .append(diagnostic.getMessage(Locale.ROOT)).append('\n');
        }
        return out.toString();
    }

    /** The 1-based line of the first line of {@code sourcePath} that contains {@code snippet}. */
    long lineOf(String sourcePath, String snippet) {
        String[] lines = sources.get(sourcePath).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(snippet)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(sourcePath + " has no line with '" + snippet + "'");
    }

    /** The path of a generated source file, such as {@code com/example/User_.java}. */
    Path generatedSource(String path) {
        return root.resolve("generated").resolve(path);
    }

    /** The text of a generated source file. */
    String generated(String path) {
        try {
            return Files.readString(generatedSource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh class loader over the compiled classes, delegating to the test's (so mapper-core is shared). */
    URLClassLoader classLoader() {
        try {
            return new URLClassLoader(new URL[] {root.resolve("classes").toUri().toURL()},
                    TestCompilation.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
