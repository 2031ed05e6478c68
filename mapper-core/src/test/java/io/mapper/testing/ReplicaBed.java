package io.mapper.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The read-replica test bed: a PostgreSQL streaming-replication hot standby of the {@code postgresql} backend's
 * server, named by {@code MAPPER_TEST_POSTGRESQL_REPLICA_URL} (same database, another port; {@code .ci/replica.sh}
 * builds one with {@code pg_basebackup -R}). Without it the replica tests are skipped with a loud line, or fail when
 * {@code MAPPER_TEST_REQUIRE_BACKENDS} names {@value #TOKEN}. {@code MAPPER_TEST_POSTGRESQL_REPLICA_CLUSTER}
 * ({@code "15 replica"}: the Debian cluster's version and name) lets tests stop and start the standby with
 * {@code pg_ctlcluster}.
 */
public final class ReplicaBed {

    /** The name {@code MAPPER_TEST_REQUIRE_BACKENDS} uses for this test bed. */
    public static final String TOKEN = "postgresql-replica";

    private ReplicaBed() {
    }

    /** The standby's JDBC URL; skips (or fails, when required) the calling test when none is configured. */
    public static String replicaUrl() {
        String url = System.getenv("MAPPER_TEST_POSTGRESQL_REPLICA_URL");
        if (url == null || url.isBlank()) {
            unavailable("MAPPER_TEST_POSTGRESQL_REPLICA_URL is not set");
        }
        return url.trim();
    }

    /** The standby's URL with the same {@code currentSchema} as a primary test database's URL. */
    public static String replicaUrlFor(TestDatabase primary) {
        String url = replicaUrl();
        int schema = primary.url().indexOf("currentSchema=");
        return schema < 0 ? url : url + (url.contains("?") ? "&" : "?") + primary.url().substring(schema);
    }

    /** The {@code postgresql} backend; skips (or fails, when required) the calling test without it. */
    public static Backend primary() {
        Backend backend = Backend.named("postgresql");
        if (backend == null) {
            unavailable("the postgresql backend is not available");
        }
        return backend;
    }

    /** Stops the standby ({@code pg_ctlcluster VERSION NAME stop -m fast}); skips the test when it cannot. */
    public static void stopReplica() {
        pgCtlCluster("stop", "-m", "fast");
    }

    /** Starts the standby again and waits until it accepts connections. */
    public static void startReplica() {
        pgCtlCluster("start");
    }

    private static void pgCtlCluster(String action, String... options) {
        String cluster = System.getenv("MAPPER_TEST_POSTGRESQL_REPLICA_CLUSTER");
        if (cluster == null || cluster.isBlank()) {
            unavailable("MAPPER_TEST_POSTGRESQL_REPLICA_CLUSTER (the standby's 'VERSION NAME' for pg_ctlcluster) is "
                    + "not set");
        }
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect"));
        command.addAll(List.of(cluster.trim().split("[ /]+")));
        command.add(action);
        command.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        }
    }

    private static void unavailable(String reason) {
        String line = "[mapper test bed] SKIPPING the " + TOKEN + " tests: " + reason + ". Run .ci/replica.sh and "
                + "set MAPPER_TEST_POSTGRESQL_REPLICA_URL (see docs/scale-out.md) to run them.";
        if (Backend.isRequired(TOKEN)) {
            Assertions.fail("MAPPER_TEST_REQUIRE_BACKENDS requires " + TOKEN + ": " + line);
        }
        System.err.println("*".repeat(100));
        System.err.println(line);
        System.err.println("*".repeat(100));
        Assumptions.abort(line);
    }

}
