package io.mapper.spring.boot.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.spring.boot.aot.parcels.Parcel;
import io.mapper.spring.boot.aot.parcels.ParcelsPackage;
import io.mapper.spring.boot.autoconfigure.MapperAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperManagedTypes;
import io.mapper.spring.boot.autoconfigure.MapperOrmAutoConfiguration;

/**
 * An application processed by Spring AOT (as {@code spring-boot:process-aot} does): the generated code compiles,
 * records the entities scanned at build time, starts without scanning, and maps and stores entities; the runtime
 * hints cover the entities, their embedded records, enums and metamodel, and mapper's own resources. Mirrors Spring
 * Framework's {@code PersistenceManagedTypesBeanRegistrationAotProcessorTests}.
 */
@CompileWithForkedClassLoader
class MapperAotProcessingTest {

    @Test
    void processedApplicationStartsWithTheEntitiesScannedAtBuildTime() {
        GenericApplicationContext buildTime = applicationContext("aot_build");
        TestGenerationContext generation = new TestGenerationContext();
        ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(buildTime, generation);
        generation.writeGeneratedContent();

        assertThat(generatedSource(generation)).contains("MapperManagedTypes.of(List.of(\"" + Parcel.class.getName()
                + "\"))");
        TestCompiler.forSystem().with(generation).compile(compiled -> {
            GenericApplicationContext runTime = new GenericApplicationContext();
            runTime.setEnvironment(environment("aot_run"));
            @SuppressWarnings("unchecked")
            ApplicationContextInitializer<GenericApplicationContext> initializer = compiled.getInstance(
                    ApplicationContextInitializer.class, initializerName.reflectionName());
            initializer.initialize(runTime);
            runTime.refresh();
            try {
                assertThat(runTime.getBean(MapperManagedTypes.class).entityClassNames())
                        .containsExactly(Parcel.class.getName());
                SessionFactory sessions = runTime.getBean(SessionFactory.class);
                try (Session session = sessions.open()) {
                    session.add(new Parcel(new Parcel.Destination("Bikini Bottom", "12345")));
                    session.commit();
                    assertThat(session.query(Parcel.class).count()).isEqualTo(1);
                }
            } finally {
                runTime.close();
            }
        });
    }

    @Test
    void hintsCoverEntitiesTheirValuesAndMetamodelAndMappersResources() {
        TestGenerationContext generation = new TestGenerationContext();
        new ApplicationContextAotGenerator().processAheadOfTime(applicationContext("aot_hints"), generation);
        RuntimeHints hints = generation.getRuntimeHints();

        for (Class<?> mapped : List.of(Parcel.class, Parcel.Destination.class)) {
            assertThat(RuntimeHintsPredicates.reflection().onType(mapped).withMemberCategories(
                    MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS,
                    MemberCategory.ACCESS_DECLARED_FIELDS)).as(mapped.getName()).accepts(hints);
        }
        assertThat(RuntimeHintsPredicates.reflection().onType(Parcel.State.class)
                .withMemberCategories(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(io.mapper.spring.boot.aot.parcels.Parcel_.class)
                .withMemberCategories(MemberCategory.ACCESS_DECLARED_FIELDS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("io/mapper/dialect/h2/reserved-words.txt"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource()
                .forResource("META-INF/services/io.mapper.dialect.DialectProvider")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(io.mapper.dialect.h2.H2DialectProvider.class)
                .withMemberCategories(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(hints);
    }

    private static GenericApplicationContext applicationContext(String database) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setEnvironment(environment(database));
        context.register(ParcelApplication.class);
        return context;
    }

    private static MockEnvironment environment(String database) {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:" + database)
                .withProperty("mapper.schema", "create");
    }

    private static String generatedSource(TestGenerationContext generation) {
        StringBuilder all = new StringBuilder();
        generation.getGeneratedFiles().getGeneratedFiles(org.springframework.aot.generate.GeneratedFiles.Kind.SOURCE)
                .forEach((path, source) -> {
                    try (var in = source.getInputStream()) {
                        all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        return all.toString();
    }

    /** The application: the parcels package and mapper's auto-configuration over an embedded H2 database. */
    @Configuration(proxyBeanMethods = false)
    @Import(ParcelsPackage.class)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            MapperAutoConfiguration.class, MapperOrmAutoConfiguration.class})
    static class ParcelApplication {
    }
}
