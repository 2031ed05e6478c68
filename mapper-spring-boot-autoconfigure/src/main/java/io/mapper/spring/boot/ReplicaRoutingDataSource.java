package io.mapper.spring.boot;

import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import io.mapper.engine.ReplicaSet;

/**
 * The application's data source with read replicas: Spring's {@link LazyConnectionDataSourceProxy} over the primary
 * pool, whose read-only connections come from a healthy replica of a {@link ReplicaSet} (else the primary). A
 * connection is fetched lazily at its first statement, so by then Spring's transaction manager has marked it
 * read-only for {@code @Transactional(readOnly = true)}: such transactions, and everything in them (mapper's engine
 * and sessions, {@code JdbcTemplate}), run on a replica with no code change; every other transaction runs on the
 * primary. Closing it closes the replica pools and the primary pool.
 */
public final class ReplicaRoutingDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

    private final DataSource primary;
    private final ReplicaSet replicas;
    private final List<? extends DataSource> replicaPools;

    /** Routes over {@code primary} and {@code replicas}; {@code replicaPools} are closed with this data source. */
    public ReplicaRoutingDataSource(DataSource primary, ReplicaSet replicas, List<? extends DataSource> replicaPools) {
        super(Objects.requireNonNull(primary, "primary must not be null"));
        this.primary = primary;
        this.replicas = Objects.requireNonNull(replicas, "replicas must not be null");
        this.replicaPools = List.copyOf(replicaPools);
        setReadOnlyDataSource(replicas.readDataSource(primary));
    }

    /** The replicas read-only connections go to. */
    public ReplicaSet replicas() {
        return replicas;
    }

    /** The primary pool this data source wraps. */
    public DataSource primary() {
        return primary;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (DataSource pool : replicaPools) {
            failure = closeQuietly(pool, failure);
        }
        failure = closeQuietly(primary, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception closeQuietly(DataSource pool, Exception failure) {
        if (pool instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    return e;
                }
                failure.addSuppressed(e);
            }
        }
        return failure;
    }
}
