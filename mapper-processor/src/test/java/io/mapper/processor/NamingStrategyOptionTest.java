package io.mapper.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.Diagnostic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mapper.orm.Attribute;
import io.mapper.orm.Relation;
import io.mapper.orm.annotation.Metamodel;
import io.mapper.orm.convention.NamingStrategy;

/**
 * {@code -Amapper.namingStrategy}: the generated metamodel names what the annotations leave unnamed (tables, columns,
 * foreign-key columns, embedded prefixes) through the strategy, exactly as the runtime maps the same classes under it,
 * keeps names written in annotations, and records the strategy in {@code @Metamodel(naming)}. SQLAlchemy generates no
 * metamodel, so there is no test of its to mirror (its {@code MetaData(naming_convention)}, tested in
 * test/sql/test_metadata.py::NamingConventionTest, names constraints, not columns).
 */
class NamingStrategyOptionTest {

    private static final String ORDER_LINE = """
            package com.example;

            import java.math.BigDecimal;

            import io.mapper.orm.annotation.Column;
            import io.mapper.orm.annotation.Embedded;
            import io.mapper.orm.annotation.Entity;
            import io.mapper.orm.annotation.Id;
            import io.mapper.orm.annotation.JoinColumn;
            import io.mapper.orm.annotation.ManyToOne;

            @Entity
            public class OrderLine {
                @Id Long lineId;
                BigDecimal unitPrice;
                @Column(name = "qty") int quantity;
                @Embedded Address billing;
                @Embedded(prefix = "ship_") Address shipping;
                @ManyToOne Product product;
                @ManyToOne @JoinColumn(name = "swap") Product replacement;
            }
            """;

    private static final String ADDRESS = """
            package com.example;

            import io.mapper.orm.annotation.Column;

            public record Address(String city, @Column(name = "zip") String zipCode) {
            }
            """;

    private static final String PRODUCT = """
            package com.example;

            import io.mapper.orm.annotation.Entity;
            import io.mapper.orm.annotation.Id;
            import io.mapper.orm.annotation.Table;

            @Entity
            @Table(name = "catalog_item")
            public class Product {
                @Id Long productId;
                String name;
            }
            """;

    @TempDir
    Path temp;

    private TestCompilation compile(String... options) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/OrderLine.java", ORDER_LINE);
        sources.put("com/example/Address.java", ADDRESS);
        sources.put("com/example/Product.java", PRODUCT);
        return TestCompilation.withProcessorOptions(temp, sources, options);
    }

    /**
     * Compiles the model under {@code option}, checks both metamodels against the runtime's mapping under
     * {@code strategy}, and returns OrderLine_'s attributes as {@code field -> property -> table.column}.
     */
    private Map<String, String> generate(String option, NamingStrategy strategy, String recorded) throws Exception {
        TestCompilation compilation = compile("-Amapper.namingStrategy=" + option);
        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.diagnostics(Diagnostic.Kind.WARNING)).as(compilation.describeDiagnostics()).isEmpty();
        assertThat(compilation.generated("com/example/OrderLine_.java")).contains(
                "@io.mapper.orm.annotation.Metamodel(entity = OrderLine.class, naming = \"" + recorded + "\")");
        try (URLClassLoader loader = compilation.classLoader()) {
            Class<?> orderLine = loader.loadClass("com.example.OrderLine");
            Class<?> product = loader.loadClass("com.example.Product");
            Class<?> metamodel = loader.loadClass("com.example.OrderLine_");
            Metamodel marker = metamodel.getAnnotation(Metamodel.class);
            assertThat(marker.entity()).isSameAs(orderLine);
            assertThat(marker.naming()).isEqualTo(recorded).isEqualTo(NamingStrategy.nameOf(strategy));
            RuntimeDriftGuard.assertMatchesRuntime(orderLine, metamodel, List.of(orderLine, product), strategy);
            RuntimeDriftGuard.assertMatchesRuntime(product, loader.loadClass("com.example.Product_"),
                    List.of(orderLine, product), strategy);
            Map<String, String> names = new LinkedHashMap<>();
            names.put("TABLE", RuntimeDriftGuard.table(metamodel).name());
            for (Map.Entry<String, Attribute<?, ?>> attribute : RuntimeDriftGuard.attributes(metamodel).entrySet()) {
                names.put(attribute.getKey(), describe(attribute.getValue()));
            }
            // The relationship handles follow the strategy too: their foreign key is the generated attribute's.
            for (String relation : List.of("product", "replacement")) {
                Relation<?, ?> handle = (Relation<?, ?>) metamodel.getDeclaredField(relation).get(null);
                assertThat(describe(handle.key())).isEqualTo(names.get(relation + "ProductId"));
            }
            return names;
        }
    }

    private static String describe(Attribute<?, ?> attribute) {
        return attribute.property() + " -> " + attribute.table().name() + "." + attribute.name();
    }

    @Test
    void snakeCaseIsTheDefaultAndCanBeNamed() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("TABLE", "order_line");
        expected.put("lineId", "lineId -> order_line.line_id");
        expected.put("unitPrice", "unitPrice -> order_line.unit_price");
        expected.put("quantity", "quantity -> order_line.qty");
        expected.put("billingCity", "billing.city -> order_line.billing_city");
        expected.put("billingZipCode", "billing.zipCode -> order_line.billing_zip");
        expected.put("shippingCity", "shipping.city -> order_line.ship_city");
        expected.put("shippingZipCode", "shipping.zipCode -> order_line.ship_zip");
        expected.put("productProductId", "product.product_id -> order_line.product_id");
        expected.put("replacementProductId", "replacement.product_id -> order_line.swap");
        assertThat(generate("snake-case", NamingStrategy.SNAKE_CASE, "snake-case")).containsExactlyEntriesOf(expected);

        // Without the option: the same names, recorded as snake-case.
        TestCompilation compilation = compile();
        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.generated("com/example/OrderLine_.java"))
                .contains("naming = \"snake-case\")")
                .contains("io.mapper.orm.Attribute.table(\"order_line\")");
    }

    @Test
    void pascalCaseNamesTablesColumnsForeignKeysAndEmbeddedPrefixes() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("TABLE", "OrderLine");
        expected.put("lineId", "lineId -> OrderLine.LineId");
        expected.put("unitPrice", "unitPrice -> OrderLine.UnitPrice");
        expected.put("quantity", "quantity -> OrderLine.qty");
        expected.put("billingCity", "billing.city -> OrderLine.BillingCity");
        expected.put("billingZipCode", "billing.zipCode -> OrderLine.Billingzip");
        expected.put("shippingCity", "shipping.city -> OrderLine.ship_City");
        expected.put("shippingZipCode", "shipping.zipCode -> OrderLine.ship_zip");
        expected.put("productProductId", "product.ProductId -> OrderLine.ProductId");
        expected.put("replacementProductId", "replacement.ProductId -> OrderLine.swap");
        assertThat(generate("pascal-case", NamingStrategy.PASCAL_CASE, "pascal-case"))
                .containsExactlyEntriesOf(expected);
        assertThat(Files.readString(temp.resolve("generated/com/example/OrderLine_.java"))).contains(
                "io.mapper.orm.Relation.of(OrderLine.class, \"product\", com.example.Product.class, \"pascal-case\")");
    }

    @Test
    void asIsKeepsTheJavaNames() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("TABLE", "OrderLine");
        expected.put("lineId", "lineId -> OrderLine.lineId");
        expected.put("unitPrice", "unitPrice -> OrderLine.unitPrice");
        expected.put("quantity", "quantity -> OrderLine.qty");
        expected.put("billingCity", "billing.city -> OrderLine.billingcity");
        expected.put("billingZipCode", "billing.zipCode -> OrderLine.billingzip");
        expected.put("shippingCity", "shipping.city -> OrderLine.ship_city");
        expected.put("shippingZipCode", "shipping.zipCode -> OrderLine.ship_zip");
        expected.put("productProductId", "product.productId -> OrderLine.productId");
        expected.put("replacementProductId", "replacement.productId -> OrderLine.swap");
        // Spelt as the Spring property accepts it too: any case, '_' or '-'.
        assertThat(generate("AS_IS", NamingStrategy.AS_IS, "as-is")).containsExactlyEntriesOf(expected);
    }

    @Test
    void aStrategyClassOnTheProcessorPathIsInstantiatedAndRecordedByItsName() throws Exception {
        NamingStrategy custom = new ScreamingSnakeNaming();
        Map<String, String> names = generate(ScreamingSnakeNaming.class.getName(), custom,
                ScreamingSnakeNaming.class.getName());
        assertThat(names).containsEntry("TABLE", "ORDER_LINE")
                .containsEntry("unitPrice", "unitPrice -> ORDER_LINE.UNIT_PRICE")
                .containsEntry("quantity", "quantity -> ORDER_LINE.qty")
                .containsEntry("billingCity", "billing.city -> ORDER_LINE.BILLING_CITY")
                .containsEntry("billingZipCode", "billing.zipCode -> ORDER_LINE.BILLING_zip")
                .containsEntry("productProductId", "product.PRODUCT_ID -> ORDER_LINE.PRODUCT_ID")
                .containsEntry("replacementProductId", "replacement.PRODUCT_ID -> ORDER_LINE.swap");
    }

    /**
     * mapper-core's tests cannot run the processor (it depends on mapper-core), so its NamingStrategyIT uses a
     * checked-in copy of the pascal-case metamodel of its Chinook entities: it must be what the processor generates.
     */
    @Test
    void mapperCoresCheckedInPascalCaseMetamodelIsWhatTheProcessorGenerates() throws Exception {
        Path naming = Path.of("..", "mapper-core", "src", "test", "java", "io", "mapper", "orm", "naming");
        Map<String, String> sources = new LinkedHashMap<>();
        for (String entity : List.of("Album", "Artist")) {
            sources.put("io/mapper/orm/naming/" + entity + ".java", Files.readString(naming.resolve(entity + ".java")));
        }
        TestCompilation compilation = TestCompilation.withProcessorOptions(temp, sources,
                "-Amapper.namingStrategy=pascal-case");
        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        for (String entity : List.of("Album", "Artist")) {
            assertThat(compilation.generated("io/mapper/orm/naming/" + entity + "_.java"))
                    .as("regenerate %s_.java with -Amapper.namingStrategy=pascal-case", entity)
                    .isEqualTo(Files.readString(naming.resolve(entity + "_.java")));
        }
    }

    @Test
    void anUnknownStrategyIsACompileErrorNamingTheOptionAndTheAcceptedValues() {
        TestCompilation compilation = compile("-Amapper.namingStrategy=kebab-case");

        assertThat(compilation.success()).isFalse();
        assertThat(compilation.diagnostics(Diagnostic.Kind.ERROR)).hasSize(1).first()
                .satisfies(error -> assertThat(error.getMessage(java.util.Locale.ROOT))
                        .startsWith("Invalid -Amapper.namingStrategy=kebab-case: Unknown naming strategy 'kebab-case': "
                                + "use snake-case, pascal-case, as-is, or the class name of a NamingStrategy with a "
                                + "public no-argument constructor")
                        .endsWith("Put a strategy class on the processor path (annotationProcessorPaths)."));
        assertThat(compilation.generatedSource("com/example/OrderLine_.java")).doesNotExist();
    }
}
