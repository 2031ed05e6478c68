package io.mapper.enhancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enhancer on classes compiled for each test. The enhancer knows mapper's annotations and {@code Tracked} only by
 * their class-file names, so the tests compile small stand-ins of them with the fixtures and load the enhanced
 * classes: every write the Java language allows is counted or left alone as the class's Javadoc says, and the
 * classes pass the JVM's verifier.
 */
class EnhancerTest {

    private static final Map<String, String> MAPPER = Map.of(
            "io/mapper/orm/annotation/Entity.java", """
                    package io.mapper.orm.annotation;
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface Entity { }
                    """,
            "io/mapper/orm/annotation/Transient.java", """
                    package io.mapper.orm.annotation;
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface Transient { }
                    """,
            "io/mapper/orm/annotation/ManyToOne.java", """
                    package io.mapper.orm.annotation;
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface ManyToOne { }
                    """,
            "io/mapper/orm/annotation/ElementCollection.java", """
                    package io.mapper.orm.annotation;
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface ElementCollection { }
                    """,
            "io/mapper/orm/state/Enhanced.java", """
                    package io.mapper.orm.state;
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface Enhanced { String[] plain() default {}; }
                    """,
            "io/mapper/orm/state/Tracked.java", """
                    package io.mapper.orm.state;
                    public interface Tracked {
                        long $mapper$writes();
                        WriteListener $mapper$listener();
                        void $mapper$listener(WriteListener listener);
                    }
                    """,
            "io/mapper/orm/state/WriteListener.java", """
                    package io.mapper.orm.state;
                    public interface WriteListener { void written(Object entity); }
                    """);

    private static final String BASE = """
            package shop;
            public abstract class Base {
                protected String createdBy;
                private double score;
                public void setScore(double score) { this.score = score; }
                public double getScore() { return score; }
            }
            """;

    private static final String ITEM = """
            package shop;
            import io.mapper.orm.annotation.*;
            import java.util.List;
            @Entity
            public class Item extends Base {
                private Long id;
                private String name;
                public long stock;
                int visits;
                private final String code;
                private transient int lookups;
                @Transient private String note;
                @ManyToOne private Item parent;
                @ElementCollection private List<String> labels;
                static int created;
                public Item() { this.name = "new"; this.code = "c"; created++; }
                public void setName(String name) { this.name = name; }
                public String getName() { return name; }
                public void lookedUp() { lookups++; }
                public void setNote(String note) { this.note = note; }
                public void setParent(Item parent) { this.parent = parent; }
                public void setLabels(List<String> labels) { this.labels = labels; }
                public void renameBoth(Item other) { other.name = name; }
                public Runnable renamer(String to) { return () -> this.name = to; }
                public static final class Nested {
                    public static void rename(Item item, String name) { item.name = name; }
                }
            }
            """;

    private static final String WRITERS = """
            package shop;
            public final class Writers {
                public static void visit(Item item) { item.visits++; }
                public static void stock(Item item, long stock) { item.stock = stock; }
            }
            """;

    private static final String SUBCLASS_ELSEWHERE = """
            package other;
            public class Special extends shop.Item {
                public void stamp() { createdBy = "special"; }
                public static void stock(shop.Item item) { item.stock += 5; }
            }
            """;

    private static final String CUSTOMER = """
            package shop;
            import io.mapper.orm.annotation.*;
            @Entity
            public class Customer {
                private Long id;
                private String name;
                private String email;
                private boolean active;
                private int visits;
                private long points;
                public Long getId() { return id; }
                public String getName() { return name == null ? "" : name; }
                public void setName(String name) { this.name = name; }
                public String getEmail() { return email; }
                public void setEmail(String email) { this.email = email.trim(); }
                public boolean isActive() { return active; }
                public void setActive(boolean active) { this.active = active; }
                public void setVisits(int visits) { this.visits = visits; }
                public int getVisits(int bonus) { return visits + bonus; }
                public long points() { synchronized (this) { return points; } }
            }
            """;

    @TempDir
    Path root;

    @Test
    void theEnhancedAnnotationNamesTheFieldsWhoseAccessorsOnlyReadAndWriteThem() throws Exception {
        Path classes = compile(Map.of("shop/Base.java", BASE, "shop/Item.java", ITEM, "shop/Customer.java", CUSTOMER));
        Enhancer.enhance(classes);
        try (URLClassLoader loader = load(classes)) {
            Class<? extends java.lang.annotation.Annotation> enhanced = loader
                    .loadClass("io.mapper.orm.state.Enhanced").asSubclass(java.lang.annotation.Annotation.class);
            Method plain = enhanced.getMethod("plain");
            // getVisits(int) is not a getter by mapper's naming; points() does more than return the field.
            assertThat((String[]) plain.invoke(loader.loadClass("shop.Customer").getAnnotation(enhanced)))
                    .containsExactly("id", "active", "visits");
            // Item: setName/getName are plain; the public field, the package-private one and the reference have
            // no accessors that do more. Base's fields likewise.
            assertThat((String[]) plain.invoke(loader.loadClass("shop.Item").getAnnotation(enhanced)))
                    .containsExactly("id", "name", "stock", "visits", "parent");
            assertThat((String[]) plain.invoke(loader.loadClass("shop.Base").getAnnotation(enhanced)))
                    .containsExactly("createdBy", "score");
        }
    }

    @Test
    void everyWriteToAColumnOrRelationshipFieldCountsAndNothingElse() throws Exception {
        Path classes = compile(Map.of("shop/Base.java", BASE, "shop/Item.java", ITEM, "shop/Writers.java", WRITERS,
                "other/Special.java", SUBCLASS_ELSEWHERE));
        Enhancer.Result result = Enhancer.enhance(classes);
        assertThat(result.enhanced()).containsExactly("shop.Base", "shop.Item");
        assertThat(result.rewritten()).contains("shop.Writers", "shop.Item$Nested", "other.Special");
        assertThat(result.warnings()).as("a warning per counted field that is not private")
                .anySatisfy(warning -> assertThat(warning).startsWith("shop.Item.stock is not private"))
                .anySatisfy(warning -> assertThat(warning).startsWith("shop.Item.visits is not private"))
                .anySatisfy(warning -> assertThat(warning).startsWith("shop.Base.createdBy is not private"))
                .hasSize(3);

        try (URLClassLoader loader = load(classes)) {
            Class<?> item = loader.loadClass("shop.Item");
            Object a = item.getConstructor().newInstance();
            assertThat(writes(a)).as("constructor").isZero();
            item.getMethod("setName", String.class).invoke(a, "ann");
            assertThat(writes(a)).as("setter").isEqualTo(1);
            loader.loadClass("shop.Item$Nested").getMethod("rename", item, String.class).invoke(null, a, "anne");
            assertThat(writes(a)).as("nested class").isEqualTo(2);
            ((Runnable) item.getMethod("renamer", String.class).invoke(a, "annie")).run();
            assertThat(writes(a)).as("lambda").isEqualTo(3);
            loader.loadClass("shop.Writers").getMethod("visit", item).invoke(null, a);
            assertThat(writes(a)).as("package-private field from another class").isEqualTo(4);
            loader.loadClass("shop.Writers").getMethod("stock", item, long.class).invoke(null, a, 7L);
            assertThat(writes(a)).as("a long field").isEqualTo(5);
            item.getMethod("setScore", double.class).invoke(a, 2.5);
            assertThat(writes(a)).as("the superclass's private double").isEqualTo(6);
            item.getMethod("lookedUp").invoke(a);
            item.getMethod("setNote", String.class).invoke(a, "n");
            item.getMethod("setLabels", java.util.List.class).invoke(a, java.util.List.of("x"));
            assertThat(writes(a)).as("transient, @Transient and element collection fields").isEqualTo(6);
            item.getMethod("setParent", item).invoke(a, a);
            assertThat(writes(a)).as("a relationship field").isEqualTo(7);
            Method load = item.getDeclaredMethod("$mapper$load$parent", item, item);
            load.setAccessible(true);
            load.invoke(null, a, null);
            assertThat(writes(a)).as("mapper's load of a relationship field").isEqualTo(7);
            java.lang.reflect.Field parent = item.getDeclaredField("parent");
            parent.setAccessible(true);
            assertThat(parent.get(a)).isNull();

            Object b = item.getConstructor().newInstance();
            item.getMethod("renameBoth", item).invoke(a, b);
            assertThat(writes(b)).as("a write to another object of the class").isEqualTo(1);

            Class<?> special = loader.loadClass("other.Special");
            Object s = special.getConstructor().newInstance();
            special.getMethod("stamp").invoke(s);
            assertThat(writes(s)).as("a protected field from a subclass in another package").isEqualTo(1);
            special.getMethod("stock", item).invoke(null, s);
            assertThat(writes(s)).as("a public field from another package").isEqualTo(2);

            assertThat(item.getMethod("getName").invoke(a)).isEqualTo("annie");
            assertThat(item.getField("stock").getLong(a)).isEqualTo(7L);
            assertThat(item.getMethod("getScore").invoke(a)).isEqualTo(2.5);
        }
    }

    @Test
    void theListenerIsToldOfEachCountedWrite() throws Exception {
        Path classes = compile(Map.of("shop/Base.java", BASE, "shop/Item.java", ITEM, "shop/Writers.java", WRITERS));
        Enhancer.enhance(classes);
        try (URLClassLoader loader = load(classes)) {
            Class<?> item = loader.loadClass("shop.Item");
            Class<?> listenerType = loader.loadClass("io.mapper.orm.state.WriteListener");
            Object a = item.getConstructor().newInstance();
            List<Object> told = new ArrayList<>();
            Object listener = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {listenerType},
                    (proxy, method, args) -> told.add(args[0]));
            Method listen = item.getMethod(Enhancer.LISTENER, listenerType);
            item.getMethod("setName", String.class).invoke(a, "before");
            assertThat(told).as("no listener yet").isEmpty();
            listen.invoke(a, listener);
            assertThat(item.getMethod(Enhancer.LISTENER).invoke(a)).isSameAs(listener);
            item.getMethod("setName", String.class).invoke(a, "ann");
            loader.loadClass("shop.Writers").getMethod("visit", item).invoke(null, a);
            item.getMethod("lookedUp").invoke(a);
            assertThat(told).containsExactly(a, a);
            listen.invoke(a, (Object) null);
            item.getMethod("setName", String.class).invoke(a, "anne");
            assertThat(told).hasSize(2);
            assertThat(writes(a)).isEqualTo(4);
        }
    }

    @Test
    void addedMembersAreSyntheticAndOnlyTheTopClassHoldsTheCounter() throws Exception {
        Path classes = compile(Map.of("shop/Base.java", BASE, "shop/Item.java", ITEM));
        Enhancer.enhance(classes);
        try (URLClassLoader loader = load(classes)) {
            Class<?> base = loader.loadClass("shop.Base");
            Class<?> item = loader.loadClass("shop.Item");
            Class<?> tracked = loader.loadClass("io.mapper.orm.state.Tracked");
            assertThat(base.getInterfaces()).containsExactly(tracked);
            assertThat(item.getInterfaces()).isEmpty();
            Field counter = base.getDeclaredField(Enhancer.COUNTER);
            assertThat(counter.isSynthetic()).isTrue();
            assertThat(Modifier.isPrivate(counter.getModifiers()) && Modifier.isTransient(counter.getModifiers()))
                    .isTrue();
            List<Method> added = new ArrayList<>();
            for (Class<?> type : List.of(base, item)) {
                Stream.of(type.getDeclaredMethods()).filter(m -> m.getName().startsWith("$mapper$")).forEach(added::add);
            }
            assertThat(added).allMatch(Method::isSynthetic);
            assertThat(base.getDeclaredField(Enhancer.LISTENER).isSynthetic()).isTrue();
            assertThat(added).extracting(Method::getName).contains("$mapper$set$name", "$mapper$set$createdBy",
                            "$mapper$set$stock", "$mapper$set$parent", "$mapper$load$parent", "$mapper$writes",
                            "$mapper$written", "$mapper$listener")
                    .doesNotContain("$mapper$set$code", "$mapper$set$lookups", "$mapper$set$note",
                            "$mapper$set$labels", "$mapper$set$created", "$mapper$load$name", "$mapper$load$labels");
            Method stockSetter = item.getDeclaredMethod("$mapper$set$stock", item, long.class);
            assertThat(Modifier.isPublic(stockSetter.getModifiers())).as("a public field's setter is public").isTrue();
            assertThat(Modifier.isPrivate(item.getDeclaredMethod("$mapper$set$name", item, String.class)
                    .getModifiers())).isTrue();
            Class<?> enhanced = loader.loadClass("io.mapper.orm.state.Enhanced");
            assertThat(base.isAnnotationPresent(enhanced.asSubclass(java.lang.annotation.Annotation.class)))
                    .isTrue();
        }
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        Path classes = compile(Map.of("shop/Base.java", BASE, "shop/Item.java", ITEM, "shop/Writers.java", WRITERS));
        Enhancer.enhance(classes);
        Map<Path, byte[]> first = contents(classes);
        Enhancer.Result again = Enhancer.enhance(classes);
        assertThat(again.enhanced()).isEmpty();
        assertThat(again.rewritten()).isEmpty();
        Map<Path, byte[]> second = contents(classes);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path.toString()).isEqualTo(bytes));
    }

    @Test
    void thePackagesLimitWhichEntitiesAreEnhanced() throws Exception {
        Path classes = compile(Map.of("shop/Base.java", BASE, "shop/Item.java", ITEM, "shop/Writers.java", WRITERS));
        Enhancer.Result result = Enhancer.enhance(classes, List.of("elsewhere"));
        assertThat(result.enhanced()).isEmpty();
        assertThat(result.rewritten()).isEmpty();
        try (URLClassLoader loader = load(classes)) {
            Class<?> item = loader.loadClass("shop.Item");
            assertThat(loader.loadClass("io.mapper.orm.state.Tracked").isAssignableFrom(item)).isFalse();
        }
    }

    @Test
    void aSuperclassOutsideTheDirectoryLeavesTheEntityTheTopClass() throws Exception {
        Path library = compile(Map.of("shop/Base.java", BASE));
        Path classes = root.resolve("app");
        Files.createDirectories(classes.resolve("shop"));
        Path compiled = compile(Map.of("shop/Base.java", BASE, "shop/Item.java", ITEM));
        Files.copy(compiled.resolve("shop/Item.class"), classes.resolve("shop/Item.class"));
        Enhancer.Result result = Enhancer.enhance(classes);
        assertThat(result.enhanced()).containsExactly("shop.Item");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), library.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> item = loader.loadClass("shop.Item");
            Object a = item.getConstructor().newInstance();
            item.getMethod("setName", String.class).invoke(a, "ann");
            item.getMethod("setScore", double.class).invoke(a, 1.0);
            assertThat(writes(a)).as("its own field counts, the library's does not").isEqualTo(1);
        }
    }

    /** A library's entity enhanced on its own, and an application's entity extending it, enhanced on its own. */
    @Test
    void anEntityOverAnEnhancedLibraryEntityCountsEveryWriteOnce() throws Exception {
        String libraryEntity = """
                package lib;
                @io.mapper.orm.annotation.Entity
                public class Audited {
                    private String createdBy;
                    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
                }
                """;
        String appEntity = """
                package app;
                @io.mapper.orm.annotation.Entity
                public class Order extends lib.Audited {
                    private String item;
                    public void setItem(String item) { this.item = item; }
                }
                """;
        Path library = compile(Map.of("lib/Audited.java", libraryEntity));
        assertThat(Enhancer.enhance(library).enhanced()).containsExactly("lib.Audited");
        Path application = root.resolve("application");
        Path both = compile(Map.of("lib/Audited.java", libraryEntity, "app/Order.java", appEntity));
        Files.createDirectories(application.resolve("app"));
        Files.copy(both.resolve("app/Order.class"), application.resolve("app/Order.class"));
        assertThat(Enhancer.enhance(application).enhanced()).containsExactly("app.Order");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {application.toUri().toURL(),
                library.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> order = loader.loadClass("app.Order");
            Object o = order.getConstructor().newInstance();
            List<Object> told = new ArrayList<>();
            Class<?> listenerType = loader.loadClass("io.mapper.orm.state.WriteListener");
            order.getMethod(Enhancer.LISTENER, listenerType).invoke(o, java.lang.reflect.Proxy.newProxyInstance(loader,
                    new Class<?>[] {listenerType}, (proxy, method, args) -> told.add(args[0])));
            order.getMethod("setCreatedBy", String.class).invoke(o, "admin");
            order.getMethod("setItem", String.class).invoke(o, "book");
            assertThat(writes(o)).isEqualTo(2);
            assertThat(told).containsExactly(o, o);
        }
    }

    @Test
    void theCommandLineSaysWhatIsWrong() {
        assertThatThrownBy(() -> Enhancer.main(new String[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Usage: Enhancer <classes directory>");
        Path file = root.resolve("file.txt");
        assertThatThrownBy(() -> {
            Files.writeString(file, "x");
            Enhancer.main(new String[] {file.toString()});
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a directory");
    }

    private static long writes(Object entity) throws Exception {
        Method method = entity.getClass().getMethod("$mapper$writes");
        return (long) method.invoke(entity);
    }

    private URLClassLoader load(Path classes) throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private static Map<Path, byte[]> contents(Path directory) throws IOException {
        Map<Path, byte[]> result = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                result.put(directory.relativize(file), Files.readAllBytes(file));
            }
        }
        return result;
    }

    private int compiled;

    /** Compiles the fixtures with the stand-ins of mapper's types into a directory of their own. */
    private Path compile(Map<String, String> fixtures) throws IOException {
        Path sources = root.resolve("src" + compiled);
        Path classes = root.resolve("classes" + compiled++);
        Files.createDirectories(classes);
        Map<String, String> all = new LinkedHashMap<>(MAPPER);
        all.putAll(fixtures);
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-g", "-d", classes.toString()));
        for (Map.Entry<String, String> source : all.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).isZero();
        return classes;
    }
}
