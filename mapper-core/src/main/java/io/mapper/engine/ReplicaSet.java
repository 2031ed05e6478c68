package io.mapper.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.mapper.dialect.DialectResolver;
import io.mapper.exception.ArgumentException;

/**
 * The read replicas of a primary database, and which of them may serve reads now: read-only work goes to the healthy
 * replicas in turn (round-robin); a replica that does not answer, or lags behind the primary by more than
 * {@link Builder#maxLag}, is skipped until a later check finds it healthy, and with no healthy replica reads go to
 * the primary. Health is checked at most once per {@link Builder#checkInterval} per replica, by a query the dialect
 * supplies ({@code Dialect.replicationLag}: {@code pg_last_xact_replay_timestamp()} on PostgreSQL).
 *
 * <pre>{@code
 * ReplicaSet replicas = ReplicaSet.builder().replica("replica-1", replicaPool).maxLag(Duration.ofSeconds(5)).build();
 * Engine engine = Engine.builder(primaryPool).replicas(replicas).build();
 * List<Row> rows = engine.readOnly(conn -> conn.execute(select(users)).all());   // on replica-1 when it is healthy
 * }</pre>
 *
 * <p>Thread-safe; share one per engine. It does not own the replicas' data sources: close them yourself.
 */
public final class ReplicaSet {

    /** The route of work that runs on the primary; a replica's route is its name. */
    public static final String PRIMARY = "primary";

    private final List<Replica> replicas;
    private final Duration maxLag;
    private final long intervalNanos;
    private final DialectResolver resolver;
    private final AtomicInteger next = new AtomicInteger();
    /** The replica each borrowed connection came from; weak, so a connection nobody holds is forgotten. */
    private final Map<java.sql.Connection, String> borrowed = Collections.synchronizedMap(new WeakHashMap<>());

    private ReplicaSet(Builder builder) {
        this.maxLag = builder.maxLag;
        this.intervalNanos = builder.checkInterval.toNanos();
        this.resolver = builder.resolver;
        List<Replica> all = new ArrayList<>();
        builder.replicas.forEach((name, dataSource) -> all.add(new Replica(name, dataSource, intervalNanos)));
        this.replicas = List.copyOf(all);
    }

    /** A builder; add at least one replica. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A connection from the next healthy replica in turn, or empty when none is healthy (then read from the primary).
     * A replica whose pool fails to give a connection is marked down and the next one is tried.
     */
    public Optional<java.sql.Connection> readConnection() {
        int count = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), count);
        for (int i = 0; i < count; i++) {
            Replica replica = replicas.get((start + i) % count);
            if (!replica.isHealthy(intervalNanos, maxLag, resolver)) {
                continue;
            }
            try {
                java.sql.Connection connection = replica.dataSource().getConnection();
                borrowed.put(connection, replica.name());
                return Optional.of(connection);
            } catch (SQLException e) {
                replica.markDown("no connection: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * A data source whose connections come from {@link #readConnection()}, or from {@code fallback} (the primary)
     * when no replica is healthy: what a routing data source such as Spring's {@code LazyConnectionDataSourceProxy}
     * uses for read-only connections.
     */
    public DataSource readDataSource(DataSource fallback) {
        return new ReplicaReadDataSource(this, Objects.requireNonNull(fallback, "fallback must not be null"));
    }

    /** Where a connection came from: a replica's name, or {@link #PRIMARY} for any connection not from a replica. */
    public String routeOf(java.sql.Connection connection) {
        String route = borrowed.get(connection);
        return route == null ? PRIMARY : route;
    }

    /** Whether {@code route} names a replica of this set. */
    public boolean isReplica(String route) {
        return replicas.stream().anyMatch(replica -> replica.name().equals(route));
    }

    /** Skips the named replica until its next health check, because work on it just failed with {@code reason}. */
    public void markDown(String route, String reason) {
        for (Replica replica : replicas) {
            if (replica.name().equals(route)) {
                replica.markDown(reason);
            }
        }
    }

    /** The last known status of every replica, in the order they were added. */
    public List<ReplicaStatus> status() {
        return replicas.stream().map(Replica::status).toList();
    }

    /** The replicas' names, in the order they were added. */
    public List<String> names() {
        return replicas.stream().map(Replica::name).toList();
    }

    /** The lag beyond which a replica is skipped. */
    public Duration maxLag() {
        return maxLag;
    }

    /** Configures a {@link ReplicaSet}. Not thread-safe. */
    public static final class Builder {

        private final Map<String, DataSource> replicas = new LinkedHashMap<>();
        private Duration maxLag = Duration.ofSeconds(10);
        private Duration checkInterval = Duration.ofSeconds(1);
        private DialectResolver resolver = new DialectResolver();

        private Builder() {
        }

        /** Adds a replica; its name is the route reported in metrics ({@code mapper.route}) and logs. */
        public Builder replica(String name, DataSource dataSource) {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(dataSource, "dataSource must not be null");
            if (name.isBlank() || name.equals(PRIMARY)) {
                throw new ArgumentException("'" + name + "' cannot name a replica: give each replica a non-blank name "
                        + "other than '" + PRIMARY + "', such as replica-1.");
            }
            if (replicas.putIfAbsent(name, dataSource) != null) {
                throw new ArgumentException("Two replicas are named '" + name + "'; give each a name of its own.");
            }
            return this;
        }

        /** How far behind the primary a replica may be and still serve reads; 10 s by default. */
        public Builder maxLag(Duration maxLag) {
            if (Objects.requireNonNull(maxLag, "maxLag must not be null").isNegative()) {
                throw new ArgumentException("maxLag must not be negative, not " + maxLag);
            }
            this.maxLag = maxLag;
            return this;
        }

        /** How long a replica's health is trusted before it is checked again; 1 s by default. */
        public Builder checkInterval(Duration checkInterval) {
            if (Objects.requireNonNull(checkInterval, "checkInterval must not be null").isNegative()) {
                throw new ArgumentException("checkInterval must not be negative, not " + checkInterval);
            }
            this.checkInterval = checkInterval;
            return this;
        }

        /** Resolves the replicas' dialects (for the lag query) with this resolver instead of the default. */
        public Builder dialectResolver(DialectResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver must not be null");
            return this;
        }

        /** Builds the set; fails when no replica was added. */
        public ReplicaSet build() {
            if (replicas.isEmpty()) {
                throw new ArgumentException("A ReplicaSet needs at least one replica: call replica(name, dataSource).");
            }
            return new ReplicaSet(this);
        }
    }
}
