package io.mapper.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

import io.mapper.engine.Engine;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionListener;
import io.mapper.orm.SessionOperations;
import io.mapper.spring.boot.SchemaValidationException;
import io.mapper.spring.boot.TransactionAwareSession;
import io.mapper.spring.boot.actuate.MapperEndpoint;
import io.mapper.spring.boot.hierarchy.CardPayment;
import io.mapper.spring.boot.hierarchy.Payment;
import io.mapper.spring.boot.domain.DomainPackage;
import io.mapper.spring.boot.converted.Celsius;
import io.mapper.spring.boot.converted.CelsiusConverter;
import io.mapper.spring.boot.converted.Reading;
import io.mapper.spring.boot.domain.Note;
import io.mapper.spring.boot.metrics.MapperCompiledCacheMetrics;
import io.mapper.spring.boot.observation.MapperFlushObservationListener;

class MapperOrmAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, MapperAutoConfiguration.class,
                    MapperObservationAutoConfiguration.class, MapperOrmAutoConfiguration.class,
                    MapperMetricsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:orm-autoconfig;DB_CLOSE_DELAY=-1");

    @Test
    void sessionFactoryAndSessionAppearForTheAutoConfigurationPackage() {
        runner.withUserConfiguration(DomainPackage.class).run(context -> {
            assertThat(context).hasSingleBean(SessionFactory.class).hasSingleBean(SessionOperations.class)
                    .hasSingleBean(TransactionAwareSession.class);
            SessionFactory factory = context.getBean(SessionFactory.class);
            assertThat(factory.engine()).isSameAs(context.getBean(Engine.class));
            assertThat(factory.model().entity(Note.class)).isPresent();
        });
    }

    @Test
    void converterBeansAreRegisteredOnTheSessionFactory() {
        runner.withPropertyValues("mapper.orm.packages-to-scan=io.mapper.spring.boot.converted",
                        "mapper.schema=create")
                .withBean(CelsiusConverter.class, () -> new CelsiusConverter(10))
                .run(context -> {
                    SessionFactory factory = context.getBean(SessionFactory.class);
                    try (Session session = factory.open()) {
                        Reading reading = new Reading();
                        reading.id = 1L;
                        reading.temperature = new Celsius(2.5);
                        session.add(reading);
                        session.commit();
                    }
                    try (io.mapper.engine.Connection connection = factory.engine().connect()) {
                        assertThat(((Number) connection.execute(io.mapper.sql.Sql.text(
                                "SELECT temperature FROM reading")).scalar()).doubleValue()).isEqualTo(25.0);
                    }
                });
    }

    @Test
    void theNamingStrategyIsTakenFromTheProperties() {
        runner.withUserConfiguration(DomainPackage.class)
                .withPropertyValues("mapper.orm.naming-strategy=pascal-case").run(context -> {
                    SessionFactory factory = context.getBean(SessionFactory.class);
                    // @Table(name = "orm_note") is kept as written; the unnamed columns follow the strategy.
                    assertThat(factory.registry().mapper(Note.class).table().name()).isEqualTo("orm_note");
                    assertThat(factory.registry().mapper(Note.class).property("body").column().name())
                            .isEqualTo("Body");
                });
        runner.withUserConfiguration(DomainPackage.class)
                .withPropertyValues("mapper.orm.naming-strategy=kebab").run(context -> assertThat(context)
                        .getFailure().hasStackTraceContaining("Unknown naming strategy 'kebab': use snake-case"));
    }

    @Test
    void packagesToScanTakePrecedence() {
        runner.withPropertyValues("mapper.orm.packages-to-scan=io.mapper.spring.boot.domain").run(context -> {
            assertThat(context).hasSingleBean(SessionFactory.class);
            assertThat(context.getBean(SessionFactory.class).model().entity(Note.class)).isPresent();
        });
    }

    @Test
    void theScanFindsAnAbstractBaseEntityAndMapsItsHierarchyInOneTable() {
        runner.withPropertyValues("mapper.orm.packages-to-scan=io.mapper.spring.boot.hierarchy").run(context -> {
            SessionFactory factory = context.getBean(SessionFactory.class);
            assertThat(factory.model().entity(Payment.class)).isPresent();
            assertThat(factory.registry().mapper(CardPayment.class).table().name()).isEqualTo("payment");
            assertThat(factory.metadata().tables()).extracting(table -> table.name()).containsExactly("payment");
        });
    }

    @Test
    void noSessionFactoryWithoutEntities() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(Engine.class)
                .doesNotHaveBean(SessionFactory.class).doesNotHaveBean(SessionOperations.class));
        runner.withPropertyValues("mapper.orm.packages-to-scan=io.mapper.spring.boot.observation")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SessionFactory.class));
    }

    @Test
    void nothingAppearsWithoutADataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MapperAutoConfiguration.class,
                        MapperOrmAutoConfiguration.class))
                .withUserConfiguration(DomainPackage.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SessionFactory.class)
                        .doesNotHaveBean(SessionOperations.class));
    }

    @Test
    void backsOffToTheUsersBeans() {
        runner.withUserConfiguration(DomainPackage.class, UserBeans.class).run(context -> {
            assertThat(context).hasSingleBean(SessionFactory.class).hasSingleBean(TransactionAwareSession.class);
            UserBeans user = context.getBean(UserBeans.class);
            assertThat(context.getBean(SessionFactory.class)).isSameAs(user.factory);
            assertThat(context.getBean(TransactionAwareSession.class)).isSameAs(user.session);
        });
    }

    @Test
    void propertiesBindAndCustomizersAndListenersApply() {
        runner.withUserConfiguration(DomainPackage.class, Customizing.class)
                .withPropertyValues("mapper.orm.batch-size=7", "mapper.orm.autoflush=false", "mapper.schema=create",
                        "mapper.orm.packages-to-scan=io.mapper.spring.boot.domain")
                .run(context -> {
                    MapperProperties properties = context.getBean(MapperProperties.class);
                    assertThat(properties.getOrm().getBatchSize()).isEqualTo(7);
                    assertThat(properties.getOrm().isAutoflush()).isFalse();
                    assertThat(properties.getOrm().getPackagesToScan()).containsExactly("io.mapper.spring.boot.domain");
                    assertThat(properties.getSchema()).isEqualTo(MapperProperties.Schema.CREATE);
                    Customizing customizing = context.getBean(Customizing.class);
                    assertThat(customizing.customized).isTrue();
                    try (Session session = context.getBean(SessionFactory.class).open()) {
                        assertThat(session.autoflush()).isFalse();
                        session.add(new Note("hello"));
                        session.commit();
                    }
                    assertThat(customizing.flushes).containsExactly("before", "after");
                });
    }

    @Test
    void schemaCreateCreatesAndCreateDropDropsAtShutdown() {
        runner.withUserConfiguration(DomainPackage.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:orm-create-drop;DB_CLOSE_DELAY=-1",
                        "mapper.schema=create-drop")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.inspect().hasTable("orm_note")).isTrue();
                    context.close();
                    org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
                    dataSource.setURL("jdbc:h2:mem:orm-create-drop;DB_CLOSE_DELAY=-1");
                    dataSource.setUser("sa");
                    try (Engine probe = Engine.create(dataSource)) {
                        assertThat(probe.inspect().hasTable("orm_note")).isFalse();
                    }
                });
    }

    @Test
    void schemaValidateFailsStartUpListingTheDifferences() {
        runner.withUserConfiguration(DomainPackage.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:orm-validate;DB_CLOSE_DELAY=-1",
                        "mapper.schema=validate")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaValidationException.class)
                            .hasMessageContaining("add table orm_note")
                            .hasMessageContaining("mapper.schema=validate");
                });
    }

    @Test
    void flushesAreObservedAndCacheGaugesRegisteredWithRegistries() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withUserConfiguration(DomainPackage.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:orm-observed;DB_CLOSE_DELAY=-1",
                        "mapper.schema=create")
                .withBean(TestObservationRegistry.class, () -> observations)
                .withBean(MeterRegistry.class, () -> meters)
                .run(context -> {
                    assertThat(context).hasSingleBean(MapperFlushObservationListener.class)
                            .hasSingleBean(MapperCompiledCacheMetrics.class);
                    context.getBean(MapperCompiledCacheMetrics.class).bindTo(meters);
                    TransactionTemplate transactions = new TransactionTemplate(
                            context.getBean(PlatformTransactionManager.class));
                    SessionOperations session = context.getBean(SessionOperations.class);
                    transactions.executeWithoutResult(status -> session.addAll(List.of(new Note("a"), new Note("b"))));
                    TestObservationRegistryAssert.assertThat(observations)
                            .hasObservationWithNameEqualTo("mapper.flush").that()
                            .hasHighCardinalityKeyValue("mapper.flush.inserted", "2")
                            .hasHighCardinalityKeyValue("mapper.flush.updated", "0")
                            .hasHighCardinalityKeyValue("mapper.flush.deleted", "0");
                    // Outside a transaction each get runs in a short-lived session; the second reuses the SQL.
                    assertThat(session.get(Note.class, 1L)).isNotNull();
                    assertThat(session.get(Note.class, 2L)).isNotNull();
                    double hits = meters.get("mapper.compiled-cache").tag("result", "hit").gauge().value();
                    double misses = meters.get("mapper.compiled-cache").tag("result", "miss").gauge().value();
                    assertThat(hits).isGreaterThanOrEqualTo(1);
                    assertThat(misses).isGreaterThanOrEqualTo(1);
                    assertThat(hits).isEqualTo(context.getBean(Engine.class).compiledCacheStats().hits());
                });
    }

    @Test
    void noFlushObservationOrGaugesWithoutRegistries() {
        runner.withUserConfiguration(DomainPackage.class).run(context -> assertThat(context)
                .doesNotHaveBean(MapperFlushObservationListener.class)
                .doesNotHaveBean(MapperCompiledCacheMetrics.class));
    }

    @Test
    void endpointAppearsWhenExposedAndNotWithoutActuator() {
        ApplicationContextRunner withEndpoint = runner
                .withConfiguration(AutoConfigurations.of(MapperEndpointAutoConfiguration.class))
                .withUserConfiguration(DomainPackage.class);
        withEndpoint.run(context -> assertThat(context).doesNotHaveBean(MapperEndpoint.class));
        withEndpoint.withPropertyValues("management.endpoints.web.exposure.include=mapper").run(context -> {
            assertThat(context).hasSingleBean(MapperEndpoint.class);
            MapperEndpoint.MapperDescriptor descriptor = context.getBean(MapperEndpoint.class).mapper();
            assertThat(descriptor.dialect()).isEqualTo("h2");
            assertThat(descriptor.entities()).extracting(MapperEndpoint.EntityDescriptor::table)
                    .containsExactly("orm_label", "orm_note");
        });
        withEndpoint.withPropertyValues("management.endpoints.web.exposure.include=mapper")
                .withClassLoader(new FilteredClassLoader(Endpoint.class, MeterRegistry.class))
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MapperEndpoint.class)
                        .doesNotHaveBean(MapperCompiledCacheMetrics.class).hasSingleBean(SessionFactory.class));
    }

    @Test
    void configurationMetadataDescribesEveryOrmKey() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String key : List.of("mapper.schema", "mapper.orm.packages-to-scan", "mapper.orm.batch-size",
                    "mapper.orm.autoflush", "mapper.show-sql", "mapper.log-parameters", "mapper.fetch-size",
                    "mapper.batch-size", "mapper.observations.include-sql-text", "mapper.compiled-cache-size",
                    "mapper.orm.lazy-load-warning-threshold", "mapper.orm.raise-on-lazy-load")) {
                int at = json.indexOf("\"name\": \"" + key + "\"");
                assertThat(at).as(key).isNotNegative();
                int end = json.indexOf('}', at);
                assertThat(json.substring(at, end)).as(key).contains("\"description\": \"");
            }
            assertThat(json).doesNotContain("\"description\": \"\"");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {
        SessionFactory factory;
        TransactionAwareSession session;

        @Bean
        SessionFactory userSessionFactory(Engine engine) {
            factory = SessionFactory.builder(engine).entities(Note.class).build();
            return factory;
        }

        @Bean
        TransactionAwareSession userSession(SessionFactory sessionFactory) {
            session = new TransactionAwareSession(sessionFactory);
            return session;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizing {
        volatile boolean customized;
        final List<String> flushes = new CopyOnWriteArrayList<>();

        @Bean
        SessionFactoryCustomizer recordingCustomizer() {
            return builder -> customized = true;
        }

        @Bean
        SessionListener recordingListener() {
            return new SessionListener() {
                @Override
                public void beforeFlush(Session session) {
                    flushes.add("before");
                }

                @Override
                public void afterFlush(Session session) {
                    flushes.add("after");
                }
            };
        }
    }
}
