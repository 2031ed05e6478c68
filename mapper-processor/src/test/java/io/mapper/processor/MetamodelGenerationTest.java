package io.mapper.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.Diagnostic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mapper.orm.Attribute;
import io.mapper.types.Types;

class MetamodelGenerationTest {

    private static final String USER = """
            package com.example;

            import java.math.BigDecimal;
            import java.time.Instant;
            import java.time.LocalDate;
            import java.time.LocalDateTime;
            import java.time.LocalTime;
            import java.time.OffsetDateTime;
            import java.util.UUID;

            import io.mapper.orm.annotation.Column;
            import io.mapper.orm.annotation.Embedded;
            import io.mapper.orm.annotation.Entity;
            import io.mapper.orm.annotation.GeneratedValue;
            import io.mapper.orm.annotation.Id;
            import io.mapper.orm.annotation.Table;
            import io.mapper.orm.annotation.Transient;
            import io.mapper.orm.annotation.Version;

            @Entity
            @Table(name = "user_account")
            public class User {
                enum Level { LOW, HIGH }

                static int created;

                @Id @GeneratedValue Long id;
                @Column(length = 30, nullable = false) String name;
                String fullName;
                @Column(length = 0) String bio;
                String homeURL;
                @Column(name = "years") int age;
                boolean active;
                short rank;
                double score;
                Float ratio;
                BigDecimal balance;
                @Column(precision = 10, scale = 3) BigDecimal creditLimit;
                @Column(precision = 0, scale = 0) BigDecimal points;
                Status status;
                Level level;
                LocalDate birthDate;
                LocalTime wakeUp;
                LocalDateTime createdAt;
                OffsetDateTime updatedAt;
                Instant seenAt;
                UUID token;
                byte[] avatar;
                @Version long version;
                @Embedded Address address;
                @Embedded(prefix = "bill_") Address billing;
                @Embedded Geo geo;
                @Transient String scratch;
                transient int cache;

                protected User() {
                }
            }
            """;

    private static final String STATUS = """
            package com.example;

            public enum Status { ACTIVE, BLOCKED }
            """;

    private static final String ADDRESS = """
            package com.example;

            import io.mapper.orm.annotation.Column;
            import io.mapper.orm.annotation.Embeddable;

            @Embeddable
            public record Address(@Column(name = "town", length = 50) String city, String zipCode) {
            }
            """;

    private static final String GEO = """
            package com.example;

            import io.mapper.orm.annotation.Embeddable;
            import io.mapper.orm.annotation.Transient;

            @Embeddable
            public class Geo {
                double lat;
                double lon;
                @Transient String label;

                Geo() {
                }
            }
            """;

    @TempDir
    Path temp;

    private TestCompilation compileUser() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/User.java", USER);
        sources.put("com/example/Status.java", STATUS);
        sources.put("com/example/Address.java", ADDRESS);
        sources.put("com/example/Geo.java", GEO);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);
        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        return compilation;
    }

    @Test
    void generatedMetamodelCompilesWithoutWarnings() {
        TestCompilation compilation = compileUser();

        assertThat(compilation.diagnostics(Diagnostic.Kind.WARNING)).as(compilation.describeDiagnostics()).isEmpty();
        assertThat(compilation.diagnostics(Diagnostic.Kind.MANDATORY_WARNING)).isEmpty();
        assertThat(compilation.diagnostics(Diagnostic.Kind.ERROR)).isEmpty();
        assertThat(temp.resolve("classes/com/example/User_.class")).exists();
    }

    @Test
    void processorIsFoundThroughMetaInfServicesOnTheProcessorPath() {
        TestCompilation compilation = TestCompilation.withDiscoveredProcessors(temp, Map.of("com/example/Tag.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;

                @Entity
                public class Tag {
                    @Id Long id;
                    String label;
                }
                """));

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Tag_.java")).contains("Attribute<Tag, java.lang.String> label =");
    }

    @Test
    void elementCollectionsGetAnElementsHandle() throws Exception {
        TestCompilation compilation = TestCompilation.withProcessor(temp, Map.of("com/example/Person.java", """
                package com.example;

                import java.util.List;
                import java.util.Set;

                import io.mapper.orm.annotation.CollectionTable;
                import io.mapper.orm.annotation.Column;
                import io.mapper.orm.annotation.ElementCollection;
                import io.mapper.orm.annotation.Embeddable;
                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.OrderColumn;

                @Entity
                public class Person {
                    @Embeddable public record Address(String street, String city) { }

                    @Id Long id;
                    @ElementCollection @CollectionTable(name = "person_nickname", joinColumn = "person_id")
                    @Column(name = "nickname") Set<String> nicknames;
                    @ElementCollection @OrderColumn List<Address> addresses;
                }
                """));

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Person_.java"))
                .contains("public static final io.mapper.orm.Elements<Person, java.lang.String> nicknames =\n"
                        + "            io.mapper.orm.Elements.of(Person.class, \"nicknames\", java.lang.String.class);")
                .contains("io.mapper.orm.Elements<Person, com.example.Person.Address> addresses =")
                .doesNotContain("Attribute<Person, java.util.Set");
        try (URLClassLoader loader = compilation.classLoader()) {
            Object nicknames = loader.loadClass("com.example.Person_").getField("nicknames").get(null);
            assertThat(((io.mapper.orm.Elements<?, ?>) nicknames).table().name()).isEqualTo("person_nickname");
        }
    }

    @Test
    void generatedSourceDeclaresTheTableAndATypedAttributePerProperty() {
        String source = compileUser().generated("com/example/User_.java");

        assertThat(source)
                .startsWith("package com.example;")
                .contains("@javax.annotation.processing.Generated(\"io.mapper.processor.MetamodelProcessor\")")
                .contains("public final class User_ {")
                .contains("public static final io.mapper.sql.TableClause TABLE = "
                        + "io.mapper.orm.Attribute.table(\"user_account\");")
                .contains("/** {@link User#id}. */")
                .contains("public static final io.mapper.orm.Attribute<User, java.lang.Long> id =\n"
                        + "            io.mapper.orm.Attribute.of(User.class, \"id\", TABLE, \"id\", "
                        + "io.mapper.types.Types.BIGINT);")
                .contains("io.mapper.orm.Attribute<User, java.lang.String> name =\n"
                        + "            io.mapper.orm.Attribute.of(User.class, \"name\", TABLE, \"name\", "
                        + "io.mapper.types.Types.string(30));")
                .contains("Attribute.of(User.class, \"fullName\", TABLE, \"full_name\", "
                        + "io.mapper.types.Types.string(255));")
                .contains("Attribute.of(User.class, \"bio\", TABLE, \"bio\", io.mapper.types.Types.TEXT);")
                .contains("Attribute.of(User.class, \"homeURL\", TABLE, \"home_url\", ")
                .contains("Attribute<User, java.lang.Integer> age =")
                .contains("Attribute.of(User.class, \"age\", TABLE, \"years\", io.mapper.types.Types.INTEGER);")
                .contains("Attribute<User, java.lang.Boolean> active =")
                .contains("Attribute<User, java.math.BigDecimal> balance =")
                .contains("io.mapper.types.Types.numeric(19, 2));")
                .contains("Attribute.of(User.class, \"creditLimit\", TABLE, \"credit_limit\", "
                        + "io.mapper.types.Types.numeric(10, 3));")
                .contains("Attribute<User, com.example.Status> status =")
                .contains("io.mapper.types.Types.enumOf(com.example.Status.class));")
                .contains("io.mapper.types.Types.enumOf(com.example.User.Level.class));")
                .contains("Attribute<User, java.time.Instant> seenAt =")
                .contains("io.mapper.types.Types.INSTANT);")
                .contains("Attribute<User, byte[]> avatar =")
                .contains("io.mapper.types.Types.BLOB);")
                .contains("/** {@link User#address}{@code .city}. */")
                .contains("Attribute<User, java.lang.String> addressCity =\n"
                        + "            io.mapper.orm.Attribute.of(User.class, \"address.city\", TABLE, "
                        + "\"address_town\", io.mapper.types.Types.string(50));")
                .contains("Attribute.of(User.class, \"address.zipCode\", TABLE, \"address_zip_code\", ")
                .contains("Attribute.of(User.class, \"billing.city\", TABLE, \"bill_town\", ")
                .contains("Attribute<User, java.lang.Double> geoLat =")
                .contains("private User_() {")
                .doesNotContain("scratch", "cache", " created =", "label");
    }

    @Test
    void attributesMatchTheRuntimeMappingColumnByColumn() throws Exception {
        try (URLClassLoader loader = compileUser().classLoader()) {
            Class<?> user = loader.loadClass("com.example.User");
            Class<?> metamodel = loader.loadClass("com.example.User_");

            RuntimeDriftGuard.assertMatchesRuntime(user, metamodel);
            Map<String, Attribute<?, ?>> attributes = RuntimeDriftGuard.attributes(metamodel);
            assertThat(attributes).hasSize(29);
            assertThat(attributes.get("name").name()).isEqualTo("name");
            assertThat(attributes.get("name").type()).isEqualTo(Types.string(30));
            assertThat(attributes.get("age").name()).isEqualTo("years");
            assertThat(attributes.get("addressCity").property()).isEqualTo("address.city");
            assertThat(attributes.get("geoLon").name()).isEqualTo("geo_lon");
        }
    }

    @Test
    void anEntityInANamedSchemaGetsASchemaQualifiedTable() throws Exception {
        // Issue 14: @Table(schema) reaches the metamodel, so User_ columns name the same table as the mapper's.
        TestCompilation compilation = TestCompilation.withProcessor(temp, Map.of("com/example/Invoice.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.Table;

                @Entity
                @Table(name = "invoice", schema = "billing")
                public class Invoice {
                    @Id Long id;
                    String number;
                }
                """));
        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Invoice_.java"))
                .contains("Attribute.table(\"billing\", \"invoice\");");
        try (URLClassLoader loader = compilation.classLoader()) {
            Class<?> metamodel = loader.loadClass("com.example.Invoice_");
            RuntimeDriftGuard.assertMatchesRuntime(loader.loadClass("com.example.Invoice"), metamodel);
            assertThat(RuntimeDriftGuard.table(metamodel).toString()).isEqualTo("billing.invoice");
        }
    }

    @Test
    void superclassPropertiesComeFirstAndMatchTheRuntime() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/base/Base.java", """
                package com.example.base;

                import io.mapper.orm.annotation.GeneratedValue;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.Version;

                public abstract class Base {
                    @Id @GeneratedValue protected Long id;
                    @Version protected int version;
                }
                """);
        sources.put("com/example/OrderLine.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;

                @Entity
                class OrderLine extends com.example.base.Base {
                    String sku;
                    int quantity;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);
        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();

        String source = compilation.generated("com/example/OrderLine_.java");
        assertThat(source).contains("\nfinal class OrderLine_ {")
                .contains("/** {@link com.example.base.Base#id}. */")
                .contains("/** {@link OrderLine#sku}. */")
                .contains("Attribute.table(\"order_line\")");
        assertThat(source.indexOf(" id =")).isLessThan(source.indexOf(" version ="));
        assertThat(source.indexOf(" version =")).isLessThan(source.indexOf(" sku ="));
        try (URLClassLoader loader = compilation.classLoader()) {
            RuntimeDriftGuard.assertMatchesRuntime(loader.loadClass("com.example.OrderLine"),
                    loader.loadClass("com.example.OrderLine_"));
        }
    }

    /**
     * A subclass's metamodel has the inherited attributes, each on the table the runtime puts its column in: the
     * base's table for single-table and joined inheritance (its own columns in its own table when joined), and an
     * abstract base of a hierarchy gets a metamodel too.
     */
    @Test
    void subclassMetamodelHasTheInheritedAttributesOnTheirTables() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/zoo/Animal.java", """
                package com.example.zoo;

                import io.mapper.orm.annotation.*;

                @Entity
                @Inheritance(strategy = InheritanceType.JOINED)
                @DiscriminatorColumn(name = "kind")
                public abstract class Animal {
                    @Id @GeneratedValue Long id;
                    String name;
                }
                """);
        sources.put("com/example/zoo/Dog.java", """
                package com.example.zoo;

                import io.mapper.orm.annotation.*;

                @Entity
                @DiscriminatorValue("dog")
                public class Dog extends Animal {
                    String breed;
                }
                """);
        sources.put("com/example/shop/Product.java", """
                package com.example.shop;

                import io.mapper.orm.annotation.*;

                @Entity
                @Inheritance
                @DiscriminatorValue("product")
                public class Product {
                    @Id @GeneratedValue Long id;
                    String title;
                }
                """);
        sources.put("com/example/shop/Book.java", """
                package com.example.shop;

                import io.mapper.orm.annotation.*;

                @Entity
                @DiscriminatorValue("book")
                public class Book extends Product {
                    String isbn;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);
        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/zoo/Animal_.java")).contains("Attribute.table(\"animal\")");
        String dog = compilation.generated("com/example/zoo/Dog_.java");
        assertThat(dog).contains("TABLE = io.mapper.orm.Attribute.table(\"dog\")")
                .contains("Dog.class, \"name\", io.mapper.orm.Attribute.table(\"animal\"), \"name\"")
                .contains("Dog.class, \"breed\", TABLE, \"breed\"");
        assertThat(compilation.generated("com/example/shop/Book_.java"))
                .contains("TABLE = io.mapper.orm.Attribute.table(\"product\")")
                .contains("Book.class, \"isbn\", TABLE, \"isbn\"");
        try (URLClassLoader loader = compilation.classLoader()) {
            assertMatchesHierarchy(loader, "com.example.zoo.Dog", "com.example.zoo.Animal", "com.example.zoo.Dog");
            assertMatchesHierarchy(loader, "com.example.shop.Book", "com.example.shop.Product",
                    "com.example.shop.Book");
        }
    }

    /** Each attribute of {@code entity}'s metamodel names the table and column of the runtime's property. */
    private static void assertMatchesHierarchy(URLClassLoader loader, String entity, String... hierarchy)
            throws Exception {
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (String name : hierarchy) {
            classes.add(loader.loadClass(name));
        }
        Class<?> type = loader.loadClass(entity);
        io.mapper.orm.mapping.Mapper<?> mapper = io.mapper.orm.mapping.MapperRegistry
                .of(new io.mapper.schema.MetaData(), classes).mapper(type);
        Map<String, Attribute<?, ?>> attributes = RuntimeDriftGuard.attributes(loader.loadClass(entity + "_"));
        assertThat(attributes.values()).extracting(Attribute::property).containsExactlyInAnyOrderElementsOf(
                mapper.properties().stream().filter(property -> !mapper.isDiscriminatorSlot(property.slot()))
                        .map(io.mapper.orm.mapping.PropertyMapping::path).toList());
        for (Attribute<?, ?> attribute : attributes.values()) {
            io.mapper.orm.mapping.PropertyMapping property = mapper.property(attribute.property());
            assertThat(attribute.table().name()).as(attribute + " table")
                    .isEqualTo(property.column().table().name());
            assertThat(attribute.name()).isEqualTo(property.column().name());
        }
    }

    @Test
    void staticNestedEntityGetsOuterInnerMetamodelAndPrivateNestedEntityGetsANote() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Catalog.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;

                public class Catalog {
                    @Entity
                    public static class LineItem {
                        @Id Long id;
                        String sku;
                    }

                    @Entity
                    private static class Hidden {
                        @Id Long id;
                    }
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);
        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();

        assertThat(compilation.generated("com/example/Catalog_LineItem_.java"))
                .contains("public final class Catalog_LineItem_ {")
                .contains("Attribute.table(\"line_item\")")
                .contains("io.mapper.orm.Attribute<Catalog.LineItem, java.lang.String> sku =");
        assertThat(compilation.generatedSource("com/example/Catalog_Hidden_.java")).doesNotExist();
        assertThat(compilation.diagnostics(Diagnostic.Kind.NOTE))
                .anySatisfy(note -> assertThat(note.getMessage(null))
                        .contains("No metamodel class for com.example.Catalog$Hidden"));
        try (URLClassLoader loader = compilation.classLoader()) {
            RuntimeDriftGuard.assertMatchesRuntime(loader.loadClass("com.example.Catalog$LineItem"),
                    loader.loadClass("com.example.Catalog_LineItem_"));
        }
    }

    @Test
    void genericEntityGetsAMetamodelThatCompilesWithoutWarnings() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Box.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.Transient;

                @Entity
                public class Box<T> {
                    @Id Long id;
                    String label;
                    @Transient T content;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.diagnostics(Diagnostic.Kind.WARNING)).as(compilation.describeDiagnostics()).isEmpty();
        try (URLClassLoader loader = compilation.classLoader()) {
            RuntimeDriftGuard.assertMatchesRuntime(loader.loadClass("com.example.Box"),
                    loader.loadClass("com.example.Box_"));
        }
    }

    @Test
    void relationshipFieldsGetRelationHandlesInsteadOfColumnAttributes() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Team.java", """
                package com.example;

                import java.util.ArrayList;
                import java.util.List;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.OneToMany;

                @Entity
                public class Team {
                    @Id Long id;
                    String name;
                    @OneToMany(mappedBy = "team") List<Member> members = new ArrayList<>();
                }
                """);
        sources.put("com/example/Member.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.ManyToOne;

                @Entity
                public class Member {
                    @Id Long id;
                    @ManyToOne Team team;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Team_.java")).contains(" name =")
                .contains("io.mapper.orm.Relation<Team, com.example.Member> members =")
                .contains("io.mapper.orm.Relation.of(Team.class, \"members\", com.example.Member.class)")
                .doesNotContain("Attribute<Team, java.util.List");
        assertThat(compilation.generated("com/example/Member_.java")).contains(" id =")
                .contains("io.mapper.orm.Relation<Member, com.example.Team> team =")
                .doesNotContain("Attribute<Member, com.example.Team>")
                .contains("io.mapper.orm.Attribute<Member, java.lang.Long> teamId =")
                .contains("io.mapper.orm.Attribute.of(Member.class, \"team.id\", TABLE, \"team_id\", ");
    }

    @Test
    void aUnidirectionalOrderedListGetsARelationAndItsColumnsNoAttribute() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Album.java", """
                package com.example;

                import java.util.ArrayList;
                import java.util.List;

                import io.mapper.orm.annotation.*;

                @Entity
                public class Album {
                    @Id Long id;
                    @OneToMany @JoinColumn(name = "album_id") @OrderColumn(name = "track_no")
                    List<Song> songs = new ArrayList<>();
                }
                """);
        sources.put("com/example/Song.java", """
                package com.example;

                import io.mapper.orm.annotation.*;

                @Entity
                public class Song {
                    @Id Long id;
                    String title;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Album_.java"))
                .contains("io.mapper.orm.Relation<Album, com.example.Song> songs =");
        // album_id and track_no are the album's list's columns: Song has no attribute for them
        assertThat(compilation.generated("com/example/Song_.java")).contains(" title =")
                .doesNotContain("album").doesNotContain("track_no");
    }

    @Test
    void mapValuedRelationshipsGetARelationOfTheirValueType() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Store.java", """
                package com.example;

                import java.util.LinkedHashMap;
                import java.util.Map;

                import io.mapper.orm.annotation.*;

                @Entity
                public class Store {
                    @Id Long id;
                    @OneToMany(mappedBy = "store") @MapKey(name = "code")
                    Map<String, Item> items = new LinkedHashMap<>();
                    @OneToMany @JoinColumn(name = "shelf_store_id") @MapKeyColumn(name = "slot")
                    Map<Integer, Item> shelves = new LinkedHashMap<>();
                }
                """);
        sources.put("com/example/Item.java", """
                package com.example;

                import io.mapper.orm.annotation.*;

                @Entity
                public class Item {
                    @Id Long id;
                    String code;
                    @ManyToOne Store store;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Store_.java"))
                .contains("io.mapper.orm.Relation<Store, com.example.Item> items =")
                .contains("io.mapper.orm.Relation<Store, com.example.Item> shelves =");
        // slot and shelf_store_id are the map's columns: Item has no attribute for them
        assertThat(compilation.generated("com/example/Item_.java")).contains(" code =")
                .doesNotContain("slot").doesNotContain("shelf_store");
    }

    @Test
    void aReferenceToACompositeKeyGetsAnAttributePerKeyPart() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Grid.java", """
                package com.example;

                import io.mapper.orm.annotation.Column;
                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;

                @Entity
                public class Grid {
                    @Id Integer x;
                    @Id @Column(name = "row_no") Integer rowNumber;
                }
                """);
        sources.put("com/example/Cell.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.JoinColumn;
                import io.mapper.orm.annotation.ManyToOne;

                @Entity
                public class Cell {
                    @Id Long id;
                    @ManyToOne Grid grid;
                    @ManyToOne
                    @JoinColumn(name = "pin_row", referencedColumnName = "row_no")
                    @JoinColumn(name = "pin_x", referencedColumnName = "x")
                    Grid pin;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Cell_.java"))
                .contains("io.mapper.orm.Attribute<Cell, java.lang.Integer> gridX =")
                .contains("io.mapper.orm.Attribute.of(Cell.class, \"grid.x\", TABLE, \"grid_x\", ")
                .contains("io.mapper.orm.Attribute.of(Cell.class, \"grid.row_no\", TABLE, \"grid_row_no\", ")
                .contains("gridRowNumber =").contains("pinX =").contains("pinRowNumber =")
                .contains("\"pin.row_no\", TABLE, \"pin_row\", ");
        try (URLClassLoader loader = compilation.classLoader()) {
            RuntimeDriftGuard.assertMatchesRuntime(loader.loadClass("com.example.Cell"),
                    loader.loadClass("com.example.Cell_"), List.of(loader.loadClass("com.example.Grid")));
        }
    }

    @Test
    void deferredHoldersGetAnAttributeOfTheirValueType() {
        TestCompilation compilation = TestCompilation.withProcessor(temp, Map.of("com/example/Page.java", """
                package com.example;

                import io.mapper.orm.Deferred;
                import io.mapper.orm.annotation.Column;
                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;

                @Entity
                public class Page {
                    @Id Long id;
                    @Column(length = 0, deferred = true) Deferred<String> body;
                    @Column(deferred = true) String summary;
                }
                """));

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Page_.java"))
                .contains("io.mapper.orm.Attribute<Page, java.lang.String> body =")
                .contains("io.mapper.orm.Attribute<Page, java.lang.String> summary =");
    }

    @Test
    void deferredPrimitivesAndRaiseLoadOnPlainFieldsAreCompileErrors() {
        TestCompilation compilation = TestCompilation.withProcessor(temp, Map.of("com/example/Meter.java", """
                package com.example;

                import io.mapper.orm.annotation.Column;
                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;

                @Entity
                public class Meter {
                    @Id Long id;
                    @Column(deferred = true) int reading;
                    @Column(deferred = true, raiseLoad = true) String label;
                }
                """));

        assertThat(compilation.success()).isFalse();
        assertThat(compilation.describeDiagnostics()).contains("Meter.reading")
                .contains("Declare it as Integer or Deferred<Integer>").contains("Meter.label")
                .contains("Declare it as Deferred<String>");
    }

    @Test
    void propertyOfAPrivateEnumTypeGetsANoteInsteadOfAnAttribute() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Ticket.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;

                @Entity
                public class Ticket {
                    private enum Priority { LOW, HIGH }

                    @Id Long id;
                    Priority priority;
                    String title;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.diagnostics(Diagnostic.Kind.NOTE))
                .anySatisfy(note -> {
                    assertThat(note.getMessage(null)).contains("No metamodel attribute Ticket_.priority");
                    assertThat(note.getLineNumber()).isEqualTo(compilation.lineOf("com/example/Ticket.java",
                            "Priority priority;"));
                });
        try (URLClassLoader loader = compilation.classLoader()) {
            Map<String, Attribute<?, ?>> attributes = RuntimeDriftGuard.attributes(
                    loader.loadClass("com.example.Ticket_"));
            assertThat(attributes).containsOnlyKeys("id", "title");
        }
    }

    @Test
    void unnamedPackageAndQuotedNamesAreWrittenAsValidSource() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("Odd.java", """
                import io.mapper.orm.annotation.Column;
                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.Table;

                @Entity
                @Table(name = "odd \\"table\\"")
                public class Odd {
                    @Id Long id;
                    @Column(name = "back\\\\slash") String text;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        try (URLClassLoader loader = compilation.classLoader()) {
            Class<?> metamodel = loader.loadClass("Odd_");
            assertThat(RuntimeDriftGuard.table(metamodel).name()).isEqualTo("odd \"table\"");
            assertThat(RuntimeDriftGuard.attributes(metamodel).get("text").name()).isEqualTo("back\\slash");
            RuntimeDriftGuard.assertMatchesRuntime(loader.loadClass("Odd"), metamodel);
        }
    }

    @Test
    void entityWhoseFieldTypeAnotherProcessorGeneratesIsProcessedInALaterRound() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Parcel.java", """
                package com.example;

                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;

                @Entity
                public class Parcel {
                    @Id Long id;
                    com.example.generated.Size size;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessors(temp, sources,
                new EnumGeneratingProcessor("com.example.generated.Size", "SMALL", "LARGE"));

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/Parcel_.java"))
                .contains("io.mapper.types.Types.enumOf(com.example.generated.Size.class)");
        try (URLClassLoader loader = compilation.classLoader()) {
            RuntimeDriftGuard.assertMatchesRuntime(loader.loadClass("com.example.Parcel"),
                    loader.loadClass("com.example.Parcel_"));
        }
    }
}
