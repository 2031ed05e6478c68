package io.mapper.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.schema.MetaData;

/**
 * Each mapping error fails compilation with one error whose message names the problem and whose position is the
 * offending element's line; where the runtime raises for the same class, the compile error says exactly what the
 * runtime says.
 */
class MappingErrorTest {

    private static final String NOTE = "com/example/Note.java";

    @TempDir
    Path temp;

    /**
     * One mapping error.
     *
     * @param name what is wrong, for the test's display name
     * @param sources the test project; the entity is {@code com.example.Note} in {@link #NOTE}
     * @param message the expected diagnostic text (a fragment when {@code sameAsRuntime} is false)
     * @param element a snippet of the line the error must point at
     * @param sameAsRuntime whether {@code MapperRegistry} raises with exactly this message
     */
    record Case(String name, Map<String, String> sources, String message, String element, boolean sameAsRuntime) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static String note(String body) {
        return """
                package com.example;

                import java.math.BigDecimal;
                import java.util.List;

                import io.mapper.orm.annotation.*;

                """ + body;
    }

    private static Map<String, String> sources(String noteBody, String... more) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(NOTE, note(noteBody));
        for (int i = 0; i < more.length; i += 2) {
            sources.put(more[i], more[i + 1]);
        }
        return sources;
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("entity without @Id", sources("""
                        @Entity
                        public class Note {
                            String text;
                        }
                        """), "Cannot map com.example.Note: it has no @Id property. Annotate the primary-key field with "
                        + "@io.mapper.orm.annotation.Id.", "public class Note", true),
                new Case("field type without SQL type", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            List<String> tags;
                        }
                        """), "Cannot map Note.tags (com.example.Note): mapper has no SQL type for java.util.List. Use a "
                        + "supported type (numbers, String, BigDecimal, java.time, UUID, byte[], enums), an @Embedded "
                        + "value object, a converter (@Convert) or @Json, or mark the field @Transient.",
                        "List<String> tags;", true),
                new Case("@Version that is not an int or a long", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            @Version
                            String version;
                        }
                        """), "Cannot map Note.version (com.example.Note): a @Version property must be an int or a long, "
                        + "not String. Change its type to long.", "String version;", true),
                new Case("@GeneratedValue on a property that is not an @Id", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            @GeneratedValue Long counter;
                        }
                        """), "Cannot map Note.counter (com.example.Note): @GeneratedValue is only for @Id properties. "
                        + "Add @Id, or remove @GeneratedValue.", "Long counter;", true),
                new Case("database-generated key that is not an integer", sources("""
                        @Entity
                        public class Note {
                            @Id @GeneratedValue String code;
                        }
                        """), "Cannot map Note.code (com.example.Note): a database-generated key must be an integer type, "
                        + "not String. Use Long, or @GeneratedValue(strategy = GenerationStrategy.UUID) for UUIDs.",
                        "String code;", true),
                new Case("UUID-generated key that is neither UUID nor String", sources("""
                        @Entity
                        public class Note {
                            @Id @GeneratedValue(strategy = GenerationStrategy.UUID) Long id;
                        }
                        """), "Cannot map Note.id (com.example.Note): a UUID-generated key must be a UUID or a String, "
                        + "not Long. Change its type to java.util.UUID.", "Long id;", true),
                new Case("two @Version properties", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            @Version long version;
                            @Version long revision;
                        }
                        """), "Cannot map com.example.Note: it has more than one @Version property. Keep one.",
                        "public class Note", true),
                new Case("composite key with a generated part", sources("""
                        @Entity
                        public class Note {
                            @Id @GeneratedValue Long id;
                            @Id Long tenant;
                        }
                        """), "Cannot map com.example.Note: a composite primary key cannot have a @GeneratedValue part. "
                        + "Assign composite keys in Java, or use a single generated key.", "public class Note", true),
                new Case("entity without a no-argument constructor", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;

                            public Note(Long id) {
                                this.id = id;
                            }
                        }
                        """), "The entity com.example.Note has no no-argument constructor. Add one (it may be private) so "
                        + "mapper can create instances when loading rows.", "public class Note", true),
                new Case("abstract entity", sources("""
                        @Entity
                        public abstract class Note {
                            @Id Long id;
                        }
                        """), "The entity com.example.Note is abstract; map a concrete class.", "public abstract class Note",
                        true),
                new Case("inner (non-static) entity", sources("""
                        public class Note {
                            @Entity
                            public class Inner {
                                @Id Long id;
                            }
                        }
                        """), "The entity com.example.Note$Inner is an inner class; declare it static (or top-level) so "
                        + "mapper can create instances.", "public class Inner", false),
                new Case("embedded component without SQL type", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            @Embedded
                            Place place;
                        }
                        """, "com/example/Place.java", """
                        package com.example;

                        public record Place(String name, Object extra) {
                        }
                        """), "Cannot map Note.place.extra (com.example.Note): mapper has no SQL type for java.lang.Object. "
                        + "Use a supported type", "Place place;", false),
                new Case("embedded class without a no-argument constructor", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            @Embedded
                            Money price;
                        }
                        """, "com/example/Money.java", """
                        package com.example;

                        public class Money {
                            long cents;

                            public Money(long cents) {
                                this.cents = cents;
                            }
                        }
                        """), "Cannot map Note.price (com.example.Note): the embedded type com.example.Money cannot be "
                        + "constructed", "Money price;", false),
                new Case("@Embedded on an enum", sources("""
                        @Entity
                        public class Note {
                            enum Kind { A }

                            @Id Long id;
                            @Embedded
                            Kind kind;
                        }
                        """), "Cannot map Note.kind (com.example.Note): an @Embedded property must hold a record or a "
                        + "class, not Kind.", "Kind kind;", false),
                new Case("inherited field without SQL type", sources("""
                        @Entity
                        public class Note extends Base {
                            @Id Long id;
                        }
                        """, "com/example/Base.java", """
                        package com.example;

                        public class Base {
                            Object data;
                        }
                        """), "Cannot map Note.data (com.example.Note): mapper has no SQL type for java.lang.Object. Use a "
                        + "supported type (numbers, String, BigDecimal, java.time, UUID, byte[], enums), an @Embedded "
                        + "value object, a converter (@Convert) or @Json, or mark the field @Transient.",
                        "public class Note", true),
                new Case("duplicate column", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            String title;
                            @Column(name = "title")
                            String heading;
                        }
                        """), "Cannot map com.example.Note: its table 'note' is invalid: Table 'note' declares the column "
                        + "'title' twice", "String heading;", false),
                new Case("invalid decimal precision and scale", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            @Column(precision = 5, scale = 8)
                            BigDecimal amount;
                        }
                        """), "Cannot map Note.amount (com.example.Note): NUMERIC(5, 8) is not a valid decimal type",
                        "BigDecimal amount;", false),
                new Case("enum without constants", sources("""
                        @Entity
                        public class Note {
                            enum Empty { }

                            @Id Long id;
                            Empty empty;
                        }
                        """), "Cannot map Note.empty (com.example.Note): com.example.Note$Empty has no constants; an enum "
                        + "column needs at least one.", "Empty empty;", false),
                new Case("blank table name", sources("""
                        @Entity
                        @Table(name = " ")
                        public class Note {
                            @Id Long id;
                        }
                        """), "Cannot map com.example.Note: its table ' ' is invalid: A table name must not be blank. Fix "
                        + "the @Table/@Column names.", "public class Note", true),
                new Case("attribute name taken by the TABLE constant", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            String TABLE;
                        }
                        """), "Cannot map Note.TABLE (com.example.Note): its metamodel attribute would be named 'TABLE', "
                        + "which Note_ needs for the table constant.", "String TABLE;", false),
                new Case("attribute names clashing", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            String placeName;
                            @Embedded(prefix = "p_")
                            Place place;
                        }
                        """, "com/example/Place.java", """
                        package com.example;

                        public record Place(String name) {
                        }
                        """), "Cannot map Note.place.name (com.example.Note): its metamodel attribute would be named "
                        + "'placeName', which is taken by placeName.", "Place place;", false),
                new Case("one-to-many with neither mappedBy nor @JoinColumn", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            @OneToMany List<Tag> tags;
                        }
                        """, "com/example/Tag.java", TAG), "Cannot map Note.tags (com.example.Note): a @OneToMany needs "
                        + "either mappedBy (the @ManyToOne on Tag that owns the foreign key) or a @JoinColumn naming "
                        + "the foreign key column of Tag's table. Add mappedBy = \"...\" or @JoinColumn(name = "
                        + "\"note_id\").", "@OneToMany List<Tag> tags;", false),
                new Case("order column on a set", sources("""
                        @Entity
                        public class Note {
                            @Id Long id;
                            @OneToMany @JoinColumn(name = "note_id") @OrderColumn java.util.Set<Tag> tags;
                        }
                        """, "com/example/Tag.java", TAG), "@OrderColumn keeps the order of a List, and the field is a "
                        + "Set.", "@OrderColumn java.util.Set<Tag> tags;", false));
    }

    private static final String TAG = """
            package com.example;

            import io.mapper.orm.annotation.*;

            @Entity
            public class Tag {
                @Id Long id;
            }
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mappingErrorFailsCompilationOnTheOffendingElement(Case error) throws Exception {
        TestCompilation compilation = TestCompilation.withProcessor(temp.resolve("processed"), error.sources());

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isFalse();
        List<Diagnostic<? extends JavaFileObject>> errors = compilation.diagnostics(Diagnostic.Kind.ERROR);
        assertThat(errors).as(compilation.describeDiagnostics()).hasSize(1);
        Diagnostic<? extends JavaFileObject> diagnostic = errors.get(0);
        String message = diagnostic.getMessage(Locale.ROOT);
        if (error.sameAsRuntime()) {
            assertThat(message).isEqualTo(error.message());
        } else {
            assertThat(message).contains(error.message());
        }
        assertThat(diagnostic.getSource().getName()).endsWith(NOTE);
        assertThat(diagnostic.getLineNumber()).as(message)
                .isEqualTo(compilation.lineOf(NOTE, error.element()));
        assertThat(compilation.generatedSource("com/example/Note_.java")).doesNotExist();

        if (error.sameAsRuntime()) {
            TestCompilation plain = TestCompilation.withoutProcessor(temp.resolve("plain"), error.sources());
            assertThat(plain.success()).as(plain.describeDiagnostics()).isTrue();
            try (URLClassLoader loader = plain.classLoader()) {
                Class<?> entity = loader.loadClass("com.example.Note");
                assertThatThrownBy(() -> MapperRegistry.of(new MetaData(), List.of(entity)))
                        .isInstanceOf(ArgumentException.class)
                        .hasMessage(message);
            }
        }
    }

    @Test
    void everyBadFieldOfAnEntityIsReportedInOneCompilation() {
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources("""
                @Entity
                public class Note {
                    @Id Long id;
                    Object first;
                    @Version String second;
                    @GeneratedValue Long third;
                }
                """));

        assertThat(compilation.success()).isFalse();
        assertThat(compilation.diagnostics(Diagnostic.Kind.ERROR))
                .extracting(Diagnostic::getLineNumber)
                .containsExactly(compilation.lineOf(NOTE, "Object first;"),
                        compilation.lineOf(NOTE, "String second;"), compilation.lineOf(NOTE, "Long third;"));
    }

    @Test
    void anErrorInOneEntityLeavesTheOthersGenerated() {
        Map<String, String> sources = sources("""
                @Entity
                public class Note {
                    String text;
                }
                """, "com/example/Tag.java", note("""
                @Entity
                public class Tag {
                    @Id Long id;
                    String label;
                }
                """));
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).isFalse();
        assertThat(compilation.diagnostics(Diagnostic.Kind.ERROR)).hasSize(1);
        assertThat(compilation.generated("com/example/Tag_.java")).contains(" label =");
    }
}
