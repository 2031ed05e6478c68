package io.mapper.spring.boot.autoconfigure;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.engine.ExecutionContext;
import io.mapper.engine.StatementListener;
import io.mapper.spring.boot.MapperExceptionTranslator;
import io.mapper.spring.boot.observation.MapperObservationListener;

class MapperAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MapperAutoConfiguration.class,
                    MapperObservationAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1");

    @Test
    void engineAndTranslatorAppearWithADataSource() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Engine.class).hasSingleBean(MapperExceptionTranslator.class);
            try (Connection conn = context.getBean(Engine.class).connect()) {
                assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
                assertThat(conn.dialect().name()).isEqualTo("h2");
            }
        });
    }

    @Test
    void nothingAppearsWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MapperAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(Engine.class)
                        .doesNotHaveBean(MapperExceptionTranslator.class));
    }

    @Test
    void backsOffToTheUsersEngine() {
        runner.withUserConfiguration(UserEngine.class).run(context -> {
            assertThat(context).hasSingleBean(Engine.class);
            assertThat(context.getBean(Engine.class)).isSameAs(context.getBean(UserEngine.class).engine);
        });
    }

    @Test
    void propertiesBindAndCustomizersAndListenersApply() {
        runner.withUserConfiguration(Customizing.class)
                .withPropertyValues("mapper.show-sql=true", "mapper.fetch-size=10", "mapper.batch-size=5",
                        "mapper.log-parameters=true", "mapper.observations.include-sql-text=true")
                .run(context -> {
                    MapperProperties properties = context.getBean(MapperProperties.class);
                    assertThat(properties.isShowSql()).isTrue();
                    assertThat(properties.getFetchSize()).isEqualTo(10);
                    assertThat(properties.getBatchSize()).isEqualTo(5);
                    assertThat(properties.isLogParameters()).isTrue();
                    assertThat(properties.getObservations().isIncludeSqlText()).isTrue();
                    Customizing customizing = context.getBean(Customizing.class);
                    try (Connection conn = context.getBean(Engine.class).connect()) {
                        conn.execute(text("SELECT 42"));
                    }
                    assertThat(customizing.customizerSaw).containsExactly("SELECT 42");
                    assertThat(customizing.listenerSaw).containsExactly("SELECT 42");
                });
    }

    @Test
    void observationsAreRecordedOnlyWithARegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MapperObservationListener.class));
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(TestObservationRegistry.class, () -> registry).run(context -> {
            assertThat(context).hasSingleBean(MapperObservationListener.class);
            try (Connection conn = context.getBean(Engine.class).connect()) {
                conn.execute(text("SELECT 1")).all();
            }
            TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("mapper.query")
                    .that().hasLowCardinalityKeyValue("db.operation.name", "select")
                    .hasLowCardinalityKeyValue("db.system.name", "h2")
                    .hasLowCardinalityKeyValue("mapper.statement.kind", "text")
                    .hasLowCardinalityKeyValue("mapper.entity", "none")
                    .doesNotHaveHighCardinalityKeyValueWithKey("db.query.text");
        });
    }

    @Test
    void configurationMetadataDescribesEveryKey() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String key : List.of("mapper.show-sql", "mapper.log-parameters", "mapper.fetch-size",
                    "mapper.batch-size", "mapper.observations.include-sql-text")) {
                assertThat(json).contains("\"name\": \"" + key + "\"");
            }
            assertThat(json).doesNotContain("\"description\": \"\"");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserEngine {
        final Engine engine = Engine.create(new org.h2.jdbcx.JdbcDataSource());

        @Bean
        Engine userEngine() {
            return engine;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizing {
        final List<String> customizerSaw = new CopyOnWriteArrayList<>();
        final List<String> listenerSaw = new CopyOnWriteArrayList<>();

        @Bean
        EngineCustomizer recordingCustomizer() {
            return builder -> builder.listener(new StatementListener() {
                @Override
                public void beforeExecute(ExecutionContext context) {
                    customizerSaw.add(context.sql());
                }
            });
        }

        @Bean
        StatementListener recordingListener() {
            return new StatementListener() {
                @Override
                public void beforeExecute(ExecutionContext context) {
                    listenerSaw.add(context.sql());
                }
            };
        }
    }
}
