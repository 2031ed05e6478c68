package io.mapper.spring.boot.replicas;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.orm.Session;
import io.mapper.spring.boot.ReplicaRoutingDataSource;
import io.mapper.spring.boot.autoconfigure.MapperAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperObservationAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperOrmAutoConfiguration;
import io.mapper.spring.boot.autoconfigure.MapperReplicaAutoConfiguration;
import io.mapper.spring.boot.domain.Note;
import io.mapper.testing.ReplicaBed;
import io.mapper.testing.TestDatabase;

/**
 * {@code mapper.replicas[*]} on a real PostgreSQL hot standby ({@link ReplicaBed}): {@code @Transactional(readOnly =
 * true)} runs the engine, the session and {@code JdbcTemplate} on the replica with no code change, read-write
 * transactions stay on the primary, and each statement's {@code mapper.query} observation names its route. The
 * routing follows Spring's own recipe: a {@code LazyConnectionDataSourceProxy} with a read-only data source.
 */
class ReplicaRoutingIT {

    private TestDatabase primary;
    private ApplicationContextRunner runner;
    private final TestObservationRegistry observations = TestObservationRegistry.create();

    @BeforeEach
    void setUp() throws InterruptedException {
        String replicaUrl = ReplicaBed.replicaUrl();
        primary = ReplicaBed.primary().createDatabase();
        primary.engine().begin(conn -> {
            conn.execute(text("CREATE TABLE orm_note (id BIGSERIAL PRIMARY KEY, body VARCHAR(50) NOT NULL)"));
            conn.execute(text("INSERT INTO orm_note (body) VALUES ('seed')"));
        });
        List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + primary.url(),
                "spring.datasource.hikari.maximum-pool-size=3",
                "mapper.replicas[0].name=replica-1",
                "mapper.replicas[0].url=" + ReplicaBed.replicaUrlFor(primary),
                "mapper.replicas[0].maximum-pool-size=2",
                "mapper.replica-health.check-interval=0s",
                "mapper.orm.packages-to-scan=io.mapper.spring.boot.domain"));
        if (primary.user() != null) {
            properties.add("spring.datasource.username=" + primary.user());
        }
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, MapperReplicaAutoConfiguration.class,
                        MapperAutoConfiguration.class, MapperOrmAutoConfiguration.class,
                        MapperObservationAutoConfiguration.class))
                .withBean(TestObservationRegistry.class, () -> observations)
                .withUserConfiguration(NotesConfiguration.class)
                .withPropertyValues(properties.toArray(String[]::new));
    }

    @AfterEach
    void tearDown() {
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void readOnlyTransactionsRunOnTheReplicaWithNoCodeChange() {
        runner.run(context -> {
            assertThat(context.getBean(DataSource.class)).isInstanceOf(ReplicaRoutingDataSource.class);
            Notes notes = context.getBean(Notes.class);
            Map<String, Object> seen = awaitReplica(notes);
            assertThat(seen).containsEntry("engine route", "replica-1").containsEntry("engine in recovery", true)
                    .containsEntry("session in recovery", true).containsEntry("jdbcTemplate in recovery", true)
                    .containsEntry("notes", 1);
            TestObservationRegistryAssert.assertThat(observations).hasAnObservation(observation -> observation
                    .hasNameEqualTo("mapper.query").hasLowCardinalityKeyValue("mapper.route", "replica-1"));
        });
    }

    @Test
    void readWriteTransactionsReadTheirWritesOnThePrimary() {
        runner.run(context -> {
            Notes notes = context.getBean(Notes.class);
            awaitReplica(notes);
            Map<String, Object> seen = notes.writeThenRead();
            assertThat(seen).containsEntry("engine route", "primary").containsEntry("engine in recovery", false)
                    .containsEntry("jdbcTemplate in recovery", false).containsEntry("notes", 2);
            TestObservationRegistryAssert.assertThat(observations).hasAnObservation(observation -> observation
                    .hasNameEqualTo("mapper.query").hasLowCardinalityKeyValue("db.operation.name", "insert")
                    .hasLowCardinalityKeyValue("mapper.route", "primary"));
        });
    }

    @Test
    void aWriteInAReadOnlyTransactionFailsOnTheReplica() {
        runner.run(context -> {
            Notes notes = context.getBean(Notes.class);
            awaitReplica(notes);
            assertThatThrownBy(notes::writeInReadOnlyTransaction).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("read-only transaction");
        });
    }

    @Test
    void withoutReplicasTheDataSourceIsLeftAlone() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MapperReplicaAutoConfiguration.class, MapperAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:noreplicas")
                .run(context -> {
                    assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
                    try (Connection conn = context.getBean(Engine.class).connectReadOnly()) {
                        assertThat(conn.route()).isEqualTo("primary");
                    }
                });
    }

    /** The seed row reached the replica once a read-only transaction on the replica sees it. */
    private static Map<String, Object> awaitReplica(Notes notes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> seen = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                seen = notes.readOnly();
                if (Integer.valueOf(1).equals(seen.get("notes")) && "replica-1".equals(seen.get("engine route"))) {
                    return seen;
                }
            } catch (RuntimeException notYet) {
                // The table may not have reached the replica yet.
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The seed row never reached the replica through a read-only transaction: " + seen);
    }

    @Configuration(proxyBeanMethods = false)
    static class NotesConfiguration {

        @Bean
        Notes notes(Engine engine, Session session, JdbcTemplate jdbc) {
            return new Notes(engine, session, jdbc);
        }
    }

    /** An application service: plain @Transactional methods, nothing replica-specific. */
    static class Notes {

        private final Engine engine;
        private final Session session;
        private final JdbcTemplate jdbc;

        Notes(Engine engine, Session session, JdbcTemplate jdbc) {
            this.engine = engine;
            this.session = session;
            this.jdbc = jdbc;
        }

        @Transactional(readOnly = true)
        public Map<String, Object> readOnly() {
            return whereAmI();
        }

        @Transactional
        public Map<String, Object> writeThenRead() {
            session.add(new Note("mine"));
            session.flush();
            return whereAmI();
        }

        @Transactional(readOnly = true)
        public void writeInReadOnlyTransaction() {
            jdbc.update("INSERT INTO orm_note (body) VALUES ('nope')");
        }

        private Map<String, Object> whereAmI() {
            Map<String, Object> seen = new LinkedHashMap<>();
            try (Connection conn = engine.connect()) {
                seen.put("engine route", conn.route());
                seen.put("engine in recovery", conn.execute(text("SELECT pg_is_in_recovery()")).scalar(Boolean.class));
            }
            seen.put("session in recovery", session.execute(text("SELECT pg_is_in_recovery()")).scalar(Boolean.class));
            seen.put("jdbcTemplate in recovery", jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
            seen.put("notes", session.scalars(select(Note.class)).all().size());
            return seen;
        }
    }
}
