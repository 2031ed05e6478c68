package io.mapper.engine;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mapper.exception.ResourceClosedException;
import io.mapper.testing.BackendTest;

class ClosedResourceIT extends BackendTest {

    @Test
    void closedConnectionRaisesNamingTheConnection() {
        Connection conn = engine().connect();
        conn.close();
        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(() -> conn.execute(text("SELECT 1")))
                .isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("closed Connection")
                .hasMessageContaining("engine.connect()");
        assertThatThrownBy(conn::commit).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(conn::beginNested).isInstanceOf(ResourceClosedException.class);
        conn.close();
    }

    @Test
    void closingAConnectionClosesItsOpenResults() {
        Result<Row> result;
        try (Connection conn = engine().connect()) {
            result = conn.execute(text("SELECT 1 AS one UNION ALL SELECT 2"));
        }
        assertThat(result.isClosed()).isTrue();
        assertThatThrownBy(result::all).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("This Result is closed");
    }

    @Test
    void closedResultRaisesNamingTheResult() {
        try (Connection conn = engine().connect()) {
            Result<Row> result = conn.execute(text("SELECT 1 AS one"));
            result.close();
            assertThatThrownBy(result::first).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("Result is closed")
                    .hasMessageContaining("Execute the statement again");
        }
    }
}
