package io.mapper.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.Diagnostic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mapper.orm.Attribute;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.MappingOptions;
import io.mapper.schema.MetaData;
import io.mapper.types.ConvertedType;
import io.mapper.types.TypeConverter;
import io.mapper.types.Types;

/**
 * The metamodel of converted properties: {@code @Convert(SomeConverter.class)} on the field or on the value class,
 * {@code @Json} and enums by code get attributes whose SQL type converts bound values as the runtime mapping does;
 * a property whose converter only the session factory knows gets a note instead.
 */
class ConvertedAttributeTest {

    @TempDir
    Path temp;

    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("com/example/Money.java", """
                package com.example;

                public record Money(java.math.BigDecimal amount) {
                }
                """);
        SOURCES.put("com/example/MoneyConverter.java", """
                package com.example;

                import java.math.BigDecimal;

                import io.mapper.types.TypeConverter;

                public class MoneyConverter implements TypeConverter<Money, BigDecimal> {
                    public BigDecimal toStorage(Money value) { return value.amount(); }
                    public Money fromStorage(BigDecimal value) { return new Money(value); }
                }
                """);
        SOURCES.put("com/example/Email.java", """
                package com.example;

                import io.mapper.orm.annotation.Convert;
                import io.mapper.types.TypeConverter;

                @Convert(Email.Converter.class)
                public record Email(String value) {
                    public static class Converter implements TypeConverter<Email, String> {
                        public String toStorage(Email email) { return email.value().toLowerCase(); }
                        public Email fromStorage(String text) { return new Email(text); }
                    }
                }
                """);
        SOURCES.put("com/example/Level.java", """
                package com.example;

                public enum Level implements io.mapper.types.Coded<String> {
                    LOW, HIGH;
                    public String code() { return name().substring(0, 1); }
                }
                """);
        SOURCES.put("com/example/Celsius.java", """
                package com.example;

                public record Celsius(double degrees) {
                }
                """);
        SOURCES.put("com/example/Shop.java", """
                package com.example;

                import java.util.List;

                import io.mapper.orm.annotation.Column;
                import io.mapper.orm.annotation.Convert;
                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.orm.annotation.Json;

                @Entity
                public class Shop {
                    @Id Long id;
                    @Convert(MoneyConverter.class) @Column(precision = 12, scale = 2) Money turnover;
                    Email contact;
                    Level level;
                    @Json List<String> tags;
                    @Convert Celsius temperature;
                }
                """);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void convertedPropertiesGetAttributesThatConvertLikeTheRuntimeMapping() throws Exception {
        TestCompilation compilation = TestCompilation.withProcessor(temp, SOURCES);

        assertThat(compilation.success()).as(compilation.describeDiagnostics()).isTrue();
        assertThat(compilation.diagnostics(Diagnostic.Kind.WARNING)).as(compilation.describeDiagnostics()).isEmpty();
        assertThat(compilation.diagnostics(Diagnostic.Kind.NOTE)).anySatisfy(note -> assertThat(note.getMessage(null))
                .contains("No metamodel attribute Shop_.temperature").contains("sessions.attribute"));
        try (URLClassLoader loader = compilation.classLoader()) {
            Class<?> shop = loader.loadClass("com.example.Shop");
            Map<String, Attribute<?, ?>> attributes = RuntimeDriftGuard.attributes(loader.loadClass("com.example.Shop_"));
            assertThat(attributes).containsOnlyKeys("id", "turnover", "contact", "level", "tags");

            Class<?> celsius = loader.loadClass("com.example.Celsius");
            MappingOptions options = new MappingOptions(List.of(new MappingOptions.RegisteredConverter(celsius,
                    Types.DOUBLE, TypeConverter.of(value -> null, value -> 0.0))), null);
            Mapper<?> mapper = MapperRegistry.of(new MetaData(), List.of(shop), options).mapper(shop);
            for (Attribute<?, ?> attribute : attributes.values()) {
                var column = mapper.property(attribute.property()).column();
                assertThat(attribute.name()).isEqualTo(column.name());
                assertThat(attribute.type().name()).as(attribute + " type").isEqualTo(column.type().name());
                assertThat(attribute.type().javaType()).as(attribute + " Java type").isEqualTo(column.type().javaType());
                assertThat(attribute.type().getClass()).isEqualTo(column.type().getClass());
            }
            assertThat(attributes.get("turnover").type().name()).isEqualTo("NUMERIC(12, 2)");
            Object money = loader.loadClass("com.example.Money").getConstructor(BigDecimal.class)
                    .newInstance(new BigDecimal("9.99"));
            assertThat(((ConvertedType) attributes.get("turnover").type()).converter().toStorage(money))
                    .isEqualTo(new BigDecimal("9.99"));
            Object email = loader.loadClass("com.example.Email").getConstructor(String.class).newInstance("A@B.C");
            assertThat(((ConvertedType) attributes.get("contact").type()).converter().toStorage(email))
                    .isEqualTo("a@b.c");
            Object high = loader.loadClass("com.example.Level").getEnumConstants()[1];
            assertThat(((ConvertedType) attributes.get("level").type()).converter().toStorage(high)).isEqualTo("H");
            assertThat(attributes.get("tags").type().javaType()).isEqualTo(List.class);
        }
    }

    @Test
    void aConverterWhoseStorageTypeHasNoSqlTypeIsACompileError() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/Odd.java", """
                package com.example;

                import io.mapper.orm.annotation.Convert;
                import io.mapper.orm.annotation.Entity;
                import io.mapper.orm.annotation.Id;
                import io.mapper.types.TypeConverter;

                @Entity
                public class Odd {
                    public static class ToThread implements TypeConverter<StringBuilder, Thread> {
                        public Thread toStorage(StringBuilder value) { return null; }
                        public StringBuilder fromStorage(Thread value) { return null; }
                    }

                    @Id Long id;
                    @Convert(ToThread.class) StringBuilder text;
                }
                """);
        TestCompilation compilation = TestCompilation.withProcessor(temp, sources);

        assertThat(compilation.success()).isFalse();
        assertThat(compilation.diagnostics(Diagnostic.Kind.ERROR)).anySatisfy(error -> assertThat(
                error.getMessage(null)).contains("Odd.text").contains("java.lang.Thread")
                .contains("has no built-in SQL type"));
    }
}
