package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.mapper.exception.OperationalException;
import io.mapper.exception.ResourceClosedException;
import io.mapper.testing.BackendTest;

class PoolIT extends BackendTest {

    @Test
    void exhaustedPoolFailsAfterTheTimeoutNamingSizeAndTimeout() {
        try (Engine small = database().newEngine().poolSize(1).connectionTimeout(Duration.ofMillis(400))
                .poolName("tiny").build();
                Connection held = small.connect()) {
            held.execute(text("SELECT 1")).all();
            // A hang guard, not a speed target: the wait must end by itself, near the configured timeout.
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(small::connect)
                    .isInstanceOf(OperationalException.class)
                    .hasMessageContaining("400 ms")
                    .hasMessageContaining("pool 'tiny'")
                    .hasMessageContaining("all 1 connections")
                    .hasMessageContaining("raise the pool size"));
        }
    }

    @Test
    void connectionReturnsToThePoolOnClose() {
        try (Engine small = database().newEngine().poolSize(1).connectionTimeout(Duration.ofMillis(400)).build()) {
            for (int i = 0; i < 5; i++) {
                try (Connection conn = small.connect()) {
                    assertThat(conn.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
                }
            }
            assertThat(small.pool()).hasValueSatisfying(pool -> assertThat(pool.maximumSize()).isEqualTo(1));
        }
    }

    @Test
    void disposedEngineRefusesToConnect() {
        Engine engine = database().newEngine().build();
        engine.dispose();
        assertThatThrownBy(engine::connect).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("disposed");
    }

    @Test
    void engineOverAnExternalDataSourceResolvesTheDialect() {
        assertThat(engine().dialect().name()).isEqualTo(backend.is("mariadb") ? "mariadb" : backend.name());
    }
}
