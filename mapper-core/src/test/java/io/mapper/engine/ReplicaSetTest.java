package io.mapper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;

/** Building a {@link ReplicaSet}: bad input is refused with the fix; an unreachable replica is never chosen. */
class ReplicaSetTest {

    /** A pool of a server that does not exist: every connection attempt fails within 250 ms. */
    private static final DataSource NOWHERE = nowhere();

    private static DataSource nowhere() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    @Test
    void aReplicaSetNeedsAReplica() {
        assertThatThrownBy(() -> ReplicaSet.builder().build()).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("replica(name, dataSource)");
    }

    @Test
    void replicaNamesAreUniqueAndNotPrimary() {
        assertThatThrownBy(() -> ReplicaSet.builder().replica("primary", NOWHERE))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("replica-1");
        assertThatThrownBy(() -> ReplicaSet.builder().replica("r", NOWHERE).replica("r", NOWHERE))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("Two replicas are named 'r'");
        assertThatThrownBy(() -> ReplicaSet.builder().maxLag(Duration.ofSeconds(-1)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("maxLag");
    }

    @Test
    void anUnreachableReplicaIsSkippedAndReported() {
        ReplicaSet replicas = ReplicaSet.builder().replica("replica-1", NOWHERE).build();
        assertThat(replicas.readConnection()).isEmpty();
        ReplicaStatus status = replicas.status().get(0);
        assertThat(status.healthy()).isFalse();
        assertThat(status.reason()).startsWith("unreachable: ");
        assertThat(replicas.isReplica("replica-1")).isTrue();
        assertThat(replicas.isReplica(ReplicaSet.PRIMARY)).isFalse();
    }

    @Test
    void readOnlyWorkWithoutReplicasRunsOnThePrimary() {
        try (Engine engine = Engine.create("jdbc:h2:mem:replicaset")) {
            assertThat(engine.replicas()).isEmpty();
            assertThat(engine.readOnly(Connection::route)).isEqualTo(ReplicaSet.PRIMARY);
            try (Connection conn = engine.connectReadOnly()) {
                assertThat(conn.isReadOnly()).isTrue();
            }
        }
    }

    @Test
    void readOnlyWorkFallsBackToThePrimaryWhenNoReplicaAnswers() {
        ReplicaSet replicas = ReplicaSet.builder().replica("replica-1", NOWHERE).build();
        try (Engine engine = Engine.builder("jdbc:h2:mem:fallback").replicas(replicas).build()) {
            assertThat(engine.readOnly(Connection::route)).isEqualTo(ReplicaSet.PRIMARY);
        }
    }
}
