package io.mapper.testing;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Starts PostgreSQL and MariaDB with Testcontainers when a Docker engine answers; one container per backend per
 * test JVM, stopped when the JVM exits.
 */
final class Containers {

    private static @Nullable String unavailable;

    private Containers() {
    }

    static synchronized @Nullable Backend start(String server, Set<Feature> features) {
        if (unavailable != null) {
            return null;
        }
        try {
            if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                unavailable = "no Docker engine answers for Testcontainers";
                return null;
            }
            org.testcontainers.containers.JdbcDatabaseContainer<?> container = server.equals("postgresql")
                    ? new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine")
                    : new org.testcontainers.mariadb.MariaDBContainer("mariadb:11")
                            .withUsername("root").withPassword("");
            container.start();
            return Backend.server(server, container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    features);
        } catch (RuntimeException | Error e) {
            unavailable = "Testcontainers could not start a container (" + e.getMessage() + ")";
            return null;
        }
    }

    static String unavailableReason() {
        return unavailable == null ? "no Docker engine answers for Testcontainers" : unavailable;
    }
}
