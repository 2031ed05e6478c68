package io.mapper.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mapper.dialect.Dialect;
import io.mapper.dialect.DialectResolver;

/**
 * One replica of a {@link ReplicaSet} and its cached health: checked at most once per interval by one caller at a
 * time (the others read the last status meanwhile), marked down at once when a connection to it fails.
 */
final class Replica {

    private static final Logger log = LoggerFactory.getLogger("io.mapper.engine.replicas");

    private final String name;
    private final DataSource dataSource;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile ReplicaStatus status;
    private volatile long checkedAtNanos;
    private volatile @Nullable Dialect dialect;

    Replica(String name, DataSource dataSource, long intervalNanos) {
        this.name = name;
        this.dataSource = dataSource;
        this.status = new ReplicaStatus(name, false, null, "not checked yet", Instant.now());
        this.checkedAtNanos = System.nanoTime() - intervalNanos;
    }

    String name() {
        return name;
    }

    DataSource dataSource() {
        return dataSource;
    }

    ReplicaStatus status() {
        return status;
    }

    /** Whether reads may go here now; re-checks the replica when its status is older than {@code intervalNanos}. */
    boolean isHealthy(long intervalNanos, Duration maxLag, DialectResolver resolver) {
        if (System.nanoTime() - checkedAtNanos >= intervalNanos && checking.tryLock()) {
            try {
                if (System.nanoTime() - checkedAtNanos >= intervalNanos) {
                    update(check(maxLag, resolver));
                }
            } finally {
                checking.unlock();
            }
        }
        return status.healthy();
    }

    /** Skips this replica until its next check, because using it just failed. */
    void markDown(String reason) {
        update(new ReplicaStatus(name, false, null, reason, Instant.now()));
    }

    private ReplicaStatus check(Duration maxLag, DialectResolver resolver) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            Dialect resolved = dialect;
            if (resolved == null) {
                resolved = resolver.resolve(connection);
                dialect = resolved;
            }
            Optional<Duration> lag = resolved.replicationLag(connection);
            if (lag.isPresent() && lag.get().compareTo(maxLag) > 0) {
                return new ReplicaStatus(name, false, lag.get(), "lagging " + describe(lag.get())
                        + " behind the primary, over the bound of " + describe(maxLag), Instant.now());
            }
            return new ReplicaStatus(name, true, lag.orElse(null), "", Instant.now());
        } catch (SQLException | RuntimeException e) {
            return new ReplicaStatus(name, false, null, "unreachable: " + e.getMessage(), Instant.now());
        }
    }

    private void update(ReplicaStatus next) {
        ReplicaStatus previous = status;
        status = next;
        checkedAtNanos = System.nanoTime();
        if (previous.healthy() && !next.healthy()) {
            log.warn("Replica '{}' is skipped ({}); its reads go to the other replicas or the primary until it "
                    + "recovers.", name, next.reason());
        } else if (!previous.healthy() && next.healthy()) {
            log.info("Replica '{}' is healthy again and takes reads.", name);
        }
    }

    private static String describe(Duration duration) {
        return duration.compareTo(Duration.ofDays(365)) > 0 ? "(nothing replayed yet)" : duration.toMillis() + " ms";
    }
}
