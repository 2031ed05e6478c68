package io.mapper.spring.boot.observation;

import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;

import io.mapper.engine.Engine;
import io.mapper.exception.DatabaseException;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.spring.boot.autoconfigure.MapperAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperObservationAutoConfiguration;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Spans of mapper's statements under {@code mapper.observations.convention=opentelemetry}, recorded with Micrometer
 * Tracing's test tracer: the exact OpenTelemetry attribute set of a select, an insert batch and a failed statement,
 * each a CLIENT child of the span of the {@code @Transactional} service method that ran it; and the default
 * {@code mapper.query} names, which the switch leaves alone.
 */
class OpenTelemetryTracingIT extends BackendTest {

    private static final MetaData METADATA = new MetaData();
    private static final Table PURCHASE = METADATA.table("purchase",
            Column.of("id", Types.INTEGER).primaryKey(),
            Column.of("item", Types.string(30)).notNull());

    private ApplicationContextRunner runner;

    @BeforeEach
    void createTableAndContext() {
        METADATA.createAll(engine());
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, MapperAutoConfiguration.class,
                        MapperObservationAutoConfiguration.class))
                .withUserConfiguration(TracingConfiguration.class)
                .withPropertyValues(database().springProperties());
    }

    @Test
    void selectInsertBatchAndFailureCarryExactlyOpenTelemetrysAttributes() {
        runner.withPropertyValues("mapper.observations.convention=opentelemetry").run(context -> {
            SimpleTracer tracer = context.getBean(SimpleTracer.class);
            PurchaseService purchases = context.getBean(PurchaseService.class);

            purchases.record(List.of("pen", "ink", "paper"));
            assertThat(purchases.find("ink")).isEqualTo(1);
            assertThatThrownBy(purchases::readMissingTable).isInstanceOf(DatabaseException.class);

            Map<String, SimpleSpan> byName = new LinkedHashMap<>();
            tracer.getSpans().forEach(span -> byName.put(span.getName(), span));
            SimpleSpan insert = byName.get("BATCH INSERT purchase");
            SimpleSpan select = byName.get("SELECT purchase");
            SimpleSpan failed = byName.get("SELECT missing_table");
            assertThat(insert).as("spans: %s", byName.keySet()).isNotNull();
            assertThat(select).as("spans: %s", byName.keySet()).isNotNull();
            assertThat(failed).as("spans: %s", byName.keySet()).isNotNull();

            Map<String, String> common = common();
            assertThat(insert.getTags()).containsExactlyInAnyOrderEntriesOf(with(common, Map.of(
                    "db.operation.name", "BATCH INSERT", "db.collection.name", "purchase",
                    "db.query.summary", "BATCH INSERT purchase", "db.operation.batch.size", "3")));
            assertThat(select.getTags()).containsExactlyInAnyOrderEntriesOf(with(common, Map.of(
                    "db.operation.name", "SELECT", "db.query.summary", "SELECT purchase",
                    "db.response.returned_rows", "1")));
            // A text statement: OpenTelemetry says not to read the operation or the table from SQL text.
            assertThat(failed.getTags()).containsExactlyInAnyOrderEntriesOf(with(common, Map.of(
                    "db.query.summary", "SELECT missing_table", "db.response.status_code", missingTableCode(),
                    "error.type", missingTableCode())));
            assertThat(failed.getError()).isNotNull();

            for (SimpleSpan span : List.of(insert, select, failed)) {
                assertThat(span.getKind()).isEqualTo(Span.Kind.CLIENT);
            }
            assertThat(insert.getParentId()).isEqualTo(byName.get("purchase.record").getSpanId());
            assertThat(select.getParentId()).isEqualTo(byName.get("purchase.find").getSpanId());
            assertThat(failed.getParentId()).isEqualTo(byName.get("purchase.missing").getSpanId());

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("db.client.operation.duration").tag("db.operation.name", "SELECT").timer().count())
                    .isEqualTo(1);
            assertThat(meters.find("mapper.query").timers()).isEmpty();
        });
    }

    @Test
    void sqlTextIsAddedOnlyWhenAskedFor() {
        runner.withPropertyValues("mapper.observations.convention=opentelemetry",
                "mapper.observations.include-sql-text=true").run(context -> {
            context.getBean(PurchaseService.class).find("pen");
            SimpleSpan select = context.getBean(SimpleTracer.class).getSpans().stream()
                    .filter(span -> span.getName().equals("SELECT purchase")).findFirst().orElseThrow();
            assertThat(select.getTags().get("db.query.text")).startsWith("SELECT purchase.id, purchase.item")
                    .contains("FROM purchase").doesNotContain("pen");
        });
    }

    @Test
    void mapperConventionStaysTheDefault() {
        runner.run(context -> {
            context.getBean(PurchaseService.class).find("pen");
            SimpleSpan select = context.getBean(SimpleTracer.class).getSpans().stream()
                    .filter(span -> span.getName().equals("mapper select")).findFirst().orElseThrow();
            assertThat(select.getTags()).containsEntry("db.system.name", backend.name())
                    .containsEntry("db.operation.name", "select").containsEntry("mapper.statement.kind", "core")
                    .containsEntry("mapper.entity", "none").doesNotContainKey("db.query.summary");
            assertThat(context.getBean(MeterRegistry.class).get("mapper.query").timer().count()).isEqualTo(1);
        });
    }

    /** The attributes every statement on this backend carries, worked out from the test database's URL. */
    private Map<String, String> common() {
        String url = database().url();
        Map<String, String> tags = new LinkedHashMap<>();
        switch (backend.name()) {
            case "h2" -> {
                tags.put("db.system.name", "h2database");
                tags.put("db.namespace", url.substring("jdbc:h2:mem:".length()));
            }
            case "sqlite" -> {
                tags.put("db.system.name", "sqlite");
                tags.put("db.namespace", url.substring("jdbc:sqlite:".length()));
            }
            default -> {
                URI uri = URI.create(url.substring("jdbc:".length()));
                String database = uri.getPath().substring(1);
                boolean postgres = backend.is("postgresql");
                tags.put("db.system.name", backend.name());
                // PostgreSQL: {database}|{schema}, the schema each test gets (currentSchema in the URL).
                tags.put("db.namespace", postgres ? database + "|" + uri.getQuery().replaceAll(".*currentSchema=", "")
                        : database);
                tags.put("server.address", uri.getHost());
                int defaultPort = postgres ? 5432 : 3306;
                if (uri.getPort() != -1 && uri.getPort() != defaultPort) {
                    tags.put("server.port", Integer.toString(uri.getPort()));
                }
            }
        }
        return tags;
    }

    /** What each database answers for a missing table: its vendor code, or PostgreSQL's SQLState. */
    private String missingTableCode() {
        return switch (backend.name()) {
            case "h2" -> "42102";
            case "sqlite" -> "1";
            case "postgresql" -> "42P01";
            default -> "1146";
        };
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(common);
        all.putAll(more);
        return all;
    }

    /** An application service whose transactional methods each run in a span of their own. */
    public static class PurchaseService {

        private final Engine engine;
        private final ObservationRegistry registry;

        public PurchaseService(Engine engine, ObservationRegistry registry) {
            this.engine = engine;
            this.registry = registry;
        }

        @Transactional
        public void record(List<String> items) {
            Observation.createNotStarted("purchase.record", registry).observe(() -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    rows.add(Map.of("id", i + 1, "item", items.get(i)));
                }
                engine.begin(conn -> conn.executeMany(insert(PURCHASE), rows));
            });
        }

        @Transactional(readOnly = true)
        public int find(String item) {
            return Observation.createNotStarted("purchase.find", registry).observe(() -> engine.inTransaction(
                    conn -> conn.execute(select(PURCHASE).where(PURCHASE.column("item", String.class).eq(item)))
                            .all().size()));
        }

        @Transactional
        public void readMissingTable() {
            Observation.createNotStarted("purchase.missing", registry).observe(
                    () -> engine.begin(conn -> conn.execute(text("SELECT * FROM missing_table")).all()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class TracingConfiguration {

        @Bean
        SimpleTracer tracer() {
            return new SimpleTracer();
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry(SimpleTracer tracer, SimpleMeterRegistry meters) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig()
                    .observationHandler(new DefaultMeterObservationHandler(meters))
                    .observationHandler(new FirstMatchingCompositeObservationHandler(
                            new PropagatingSenderTracingObservationHandler<>(tracer, Propagator.NOOP),
                            new DefaultTracingObservationHandler(tracer)));
            return registry;
        }

        @Bean
        PurchaseService purchaseService(Engine engine, ObservationRegistry registry) {
            return new PurchaseService(engine, registry);
        }
    }
}
