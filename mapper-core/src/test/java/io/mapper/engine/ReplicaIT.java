package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.mapper.exception.DatabaseException;
import io.mapper.testing.ReplicaBed;
import io.mapper.testing.TestDatabase;

/**
 * Read replicas on a real PostgreSQL streaming-replication hot standby ({@link ReplicaBed}): a write on the primary
 * reaches the replica, read-only work runs there (the server says {@code pg_is_in_recovery()}), writes there fail,
 * a stopped replica or one lagging beyond the bound is skipped in favour of the primary, and reads in a read-write
 * transaction stay on the primary.
 */
class ReplicaIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestDatabase primaryDatabase;
    private HikariDataSource replicaPool;
    private Engine engine;
    private Engine replicaOnly;

    @BeforeEach
    void setUp() {
        String replicaUrl = ReplicaBed.replicaUrl();
        primaryDatabase = ReplicaBed.primary().createDatabase();
        primaryDatabase.engine().begin(conn -> {
            conn.execute(text("CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(100) NOT NULL)"));
            conn.execute(text("INSERT INTO note (id, body) VALUES (1, 'first')"));
        });
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(ReplicaBed.replicaUrlFor(primaryDatabase));
        config.setUsername(System.getenv("MAPPER_TEST_POSTGRESQL_USER"));
        config.setPassword(System.getenv("MAPPER_TEST_POSTGRESQL_PASSWORD"));
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1000);     // a stopped replica costs a read one second, not thirty
        config.setInitializationFailTimeout(-1);
        config.setPoolName("test-replica");
        replicaPool = new HikariDataSource(config);
        replicaOnly = Engine.create(replicaPool);
        waitFor("the table reaches the replica", () -> replicaOnly.readOnly(conn -> conn.execute(
                text("SELECT count(*) FROM information_schema.tables WHERE table_name = 'note' AND table_schema = "
                        + "current_schema()")).scalar(Long.class)) == 1L);
        engine = engine(Duration.ofSeconds(10), Duration.ofMillis(100));
    }

    private Engine engine(Duration maxLag, Duration checkInterval) {
        ReplicaSet replicas = ReplicaSet.builder().replica("replica-1", replicaPool).maxLag(maxLag)
                .checkInterval(checkInterval).build();
        return Engine.builder(primaryDatabase.url()).username(System.getenv("MAPPER_TEST_POSTGRESQL_USER"))
                .poolSize(4).replicas(replicas).build();
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.dispose();
        }
        if (replicaPool != null) {
            replicaPool.close();
        }
        if (primaryDatabase != null) {
            primaryDatabase.close();
        }
    }

    @Test
    void writeOnThePrimaryBecomesVisibleOnTheReplica() {
        engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (2, 'replicated')")));
        waitFor("the row reaches the replica", () -> replicaOnly.readOnly(conn -> conn.execute(
                text("SELECT count(*) FROM note WHERE body = 'replicated'")).scalar(Long.class)) == 1L);
    }

    @Test
    void readOnlyWorkRunsOnTheReplica() {
        waitForRoute("replica-1");
        Map<String, Object> seen = engine.readOnly(conn -> Map.of("route", conn.route(), "recovery",
                conn.execute(text("SELECT pg_is_in_recovery()")).scalar(Boolean.class)));
        assertThat(seen).containsEntry("route", "replica-1").containsEntry("recovery", true);
        try (Connection conn = engine.connectReadOnly()) {
            assertThat(conn.route()).isEqualTo("replica-1");
            assertThat(conn.execute(text("SELECT pg_is_in_recovery()")).scalar(Boolean.class)).isTrue();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.route()).isEqualTo(ReplicaSet.PRIMARY);
            assertThat(conn.execute(text("SELECT pg_is_in_recovery()")).scalar(Boolean.class)).isFalse();
        }
    }

    @Test
    void listenersSeeTheRouteOfEachStatement() {
        List<String> routes = new CopyOnWriteArrayList<>();
        engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(ExecutionContext context) {
                routes.add(context.route());
            }
        });
        waitForRoute("replica-1");
        routes.clear();
        engine.readOnly(conn -> conn.execute(text("SELECT body FROM note")).all());
        engine.begin(conn -> conn.execute(text("SELECT body FROM note")).all());
        assertThat(routes).containsExactly("replica-1", "primary");
    }

    @Test
    void aWriteOnTheReplicaFailsClearly() {
        waitForRoute("replica-1");
        assertThatThrownBy(() -> engine.readOnly(conn -> conn.execute(
                text("INSERT INTO note (id, body) VALUES (3, 'nope')"))))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("read-only transaction")
                .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("25006"));
        Long written = engine.inTransaction(conn -> conn.execute(text("SELECT count(*) FROM note WHERE id = 3"))
                .scalar(Long.class));
        assertThat(written).isZero();
    }

    @Test
    void readsAfterAWriteInOneTransactionStayOnThePrimary() {
        waitForRoute("replica-1");
        long seen = engine.inTransaction(conn -> {
            conn.execute(text("INSERT INTO note (id, body) VALUES (4, 'mine')"));
            assertThat(conn.route()).isEqualTo(ReplicaSet.PRIMARY);
            return conn.execute(text("SELECT count(*) FROM note WHERE id = 4")).scalar(Long.class);
        });
        assertThat(seen).isEqualTo(1L);
    }

    @Test
    void roundRobinSkipsAReplicaThatIsDown() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource nowhere = new HikariDataSource(config)) {
            ReplicaSet replicas = ReplicaSet.builder().replica("replica-1", replicaPool).replica("down", nowhere)
                    .checkInterval(Duration.ofSeconds(30)).build();
            try (Engine twoReplicas = Engine.builder(primaryDatabase.url())
                    .username(System.getenv("MAPPER_TEST_POSTGRESQL_USER")).replicas(replicas).build()) {
                Set<String> routes = ConcurrentHashMap.newKeySet();
                for (int i = 0; i < 6; i++) {
                    routes.add(twoReplicas.readOnly(Connection::route));
                }
                assertThat(routes).containsExactly("replica-1");
                assertThat(replicas.status()).extracting(ReplicaStatus::name, ReplicaStatus::healthy)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("replica-1", true),
                                org.assertj.core.groups.Tuple.tuple("down", false));
                assertThat(replicas.status().get(1).reason()).startsWith("unreachable");
            }
        }
    }

    /** Replay paused on the standby: the replica falls behind the bound, reads go to the primary, then come back. */
    @Test
    void aReplicaLaggingBeyondTheBoundIsSkippedUntilItCatchesUp() {
        engine.dispose();
        engine = engine(Duration.ofMillis(1500), Duration.ZERO);
        waitForRoute("replica-1");
        replicaOnly.begin(conn -> conn.execute(text("SELECT pg_wal_replay_pause()")));
        try {
            engine.begin(conn -> conn.execute(text("INSERT INTO note (id, body) VALUES (5, 'behind')")));
            waitForRoute(ReplicaSet.PRIMARY);
            ReplicaStatus status = engine.replicas().orElseThrow().status().get(0);
            assertThat(status.healthy()).isFalse();
            assertThat(status.lag()).isGreaterThan(Duration.ofMillis(1500));
            assertThat(status.reason()).contains("lagging").contains("1500 ms");
            // Skipping the replica is what keeps reads fresh: the primary has the row the replica has not replayed.
            Long onPrimary = engine.readOnly(conn -> conn.execute(text("SELECT count(*) FROM note WHERE id = 5"))
                    .scalar(Long.class));
            Long onReplica = replicaOnly.readOnly(conn -> conn.execute(text("SELECT count(*) FROM note WHERE id = 5"))
                    .scalar(Long.class));
            assertThat(onPrimary).isEqualTo(1L);
            assertThat(onReplica).isZero();
        } finally {
            replicaOnly.begin(conn -> conn.execute(text("SELECT pg_wal_replay_resume()")));
        }
        waitForRoute("replica-1");
    }

    /** The replica is stopped under a read load: every read succeeds, on the primary once the replica is gone. */
    @Test
    void stoppingTheReplicaMidLoadFallsBackToThePrimaryWithNoFailedRequest() throws Exception {
        waitForRoute("replica-1");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger onReplica = new AtomicInteger();
        AtomicInteger onPrimaryAfterStop = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                workers.add(load.submit(() -> {
                    while (running.get()) {
                        try {
                            String route = engine.readOnly(conn -> {
                                assertThat(conn.execute(text("SELECT count(*) FROM note")).scalar(Long.class))
                                        .isEqualTo(1L);
                                return conn.route();
                            });
                            if (route.equals("replica-1")) {
                                onReplica.incrementAndGet();
                            } else if (stopped.get()) {
                                onPrimaryAfterStop.incrementAndGet();
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            waitFor("reads on the replica", () -> onReplica.get() > 20);
            ReplicaBed.stopReplica();
            stopped.set(true);
            waitFor("reads on the primary after the stop", () -> onPrimaryAfterStop.get() > 50);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            load.shutdownNow();
            ReplicaBed.startReplica();
        }
        assertThat(failures).isEmpty();
        assertThat(engine.replicas().orElseThrow().status().get(0).healthy()).isFalse();
        waitForRoute("replica-1");
    }

    private void waitForRoute(String route) {
        waitFor("reads routed to " + route, () -> {
            try {
                return engine.readOnly(Connection::route).equals(route);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // Not yet (the replica may be starting); try again.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what);
    }
}
