package io.mapper.dialect;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.exception.IntegrityException;
import io.mapper.testing.BackendTest;

class DialectIT extends BackendTest {

    @Test
    void dialectIsResolvedFromTheDatabaseMetadata() {
        Dialect dialect = engine().dialect();
        assertThat(dialect.name()).isEqualTo(backend.name());
        assertThat(dialect.database().majorVersion()).isPositive();
    }

    @Test
    void foreignKeysAreEnforcedOnEveryBackend() {
        engine().begin(conn -> {
            conn.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"));
            conn.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
                    + "REFERENCES parent (id))"));
        });
        try (Connection conn = engine().connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 42)")))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void sqliteFileDatabasesUseWalAndABusyTimeout() {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend.is("sqlite"), "SQLite only");
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("PRAGMA journal_mode")).scalar(String.class)).isEqualToIgnoringCase("wal");
            assertThat(conn.execute(text("PRAGMA busy_timeout")).scalar(Integer.class)).isPositive();
            assertThat(conn.execute(text("PRAGMA foreign_keys")).scalar(Integer.class)).isEqualTo(1);
        }
    }
}
