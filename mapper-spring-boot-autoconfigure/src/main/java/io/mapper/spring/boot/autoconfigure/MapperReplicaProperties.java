package io.mapper.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Read replicas under {@code mapper.replicas[*]} and their health bound under {@code mapper.replica-health.*}: each
 * replica gets a Hikari pool, and read-only transactions go to a healthy one (see docs/scale-out.md).
 */
@ConfigurationProperties("mapper")
public class MapperReplicaProperties {

    /** Read replicas of the spring.datasource database; @Transactional(readOnly = true) work is routed to them. */
    private List<Replica> replicas = new ArrayList<>();

    private final ReplicaHealth replicaHealth = new ReplicaHealth();

    public List<Replica> getReplicas() {
        return replicas;
    }

    public void setReplicas(List<Replica> replicas) {
        this.replicas = replicas;
    }

    public ReplicaHealth getReplicaHealth() {
        return replicaHealth;
    }

    /** One read replica and its connection pool. */
    public static class Replica {

        /** Name of the replica in logs and in the mapper.route metric tag; replica-N (its position) when not set. */
        private String name;

        /** JDBC URL of the replica, for example jdbc:postgresql://replica-host:5432/app. */
        private String url;

        /** Login user of the replica; the primary's user (spring.datasource.username) when not set. */
        private String username;

        /** Login password of the replica; the primary's password when not set. */
        private String password;

        /** Maximum number of connections in the replica's pool. */
        private int maximumPoolSize = 10;

        /** Maximum time a read waits for a connection of this replica before it is marked down and the read falls back. */
        private Duration connectionTimeout = Duration.ofSeconds(1);

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public int getMaximumPoolSize() {
            return maximumPoolSize;
        }

        public void setMaximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
        }

        public Duration getConnectionTimeout() {
            return connectionTimeout;
        }

        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }
    }

    /** When a replica is skipped in favour of the others or the primary. */
    public static class ReplicaHealth {

        /** Replication lag beyond which a replica is skipped until it catches up. */
        private Duration maxLag = Duration.ofSeconds(10);

        /** How long a replica's health (reachable, lag) is trusted before it is checked again. */
        private Duration checkInterval = Duration.ofSeconds(1);

        public Duration getMaxLag() {
            return maxLag;
        }

        public void setMaxLag(Duration maxLag) {
            this.maxLag = maxLag;
        }

        public Duration getCheckInterval() {
            return checkInterval;
        }

        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }
    }
}
