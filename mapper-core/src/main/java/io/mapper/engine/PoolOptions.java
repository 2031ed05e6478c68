package io.mapper.engine;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the HikariCP pool that {@link Engine#create(String)} builds.
 *
 * @param maximumPoolSize the most connections the pool opens
 * @param minimumIdle how many idle connections it keeps ready
 * @param connectionTimeout how long {@code connect()} waits for a free connection before failing
 * @param poolName the pool's name in logs and metrics
 * @param username the database user, or null to use the URL's
 * @param password the password, or null
 * @param driverProperties extra JDBC driver properties
 */
public record PoolOptions(int maximumPoolSize, int minimumIdle, Duration connectionTimeout, String poolName,
        @Nullable String username, @Nullable String password, Map<String, String> driverProperties) {

    /** Ten connections, one kept idle, a 30-second wait for a free connection. */
    public static PoolOptions defaults() {
        return new PoolOptions(10, 1, Duration.ofSeconds(30), "mapper", null, null, Map.of());
    }

    public PoolOptions {
        driverProperties = Map.copyOf(driverProperties);
    }

    /** Shows every setting but the password. */
    @Override
    public String toString() {
        return "PoolOptions[maximumPoolSize=" + maximumPoolSize + ", minimumIdle=" + minimumIdle
                + ", connectionTimeout=" + connectionTimeout + ", poolName=" + poolName + ", username=" + username
                + ", password=" + (password == null ? "none" : "(hidden)") + "]";
    }
}
