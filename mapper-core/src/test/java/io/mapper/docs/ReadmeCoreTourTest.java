package io.mapper.docs;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Engine;
import io.mapper.engine.Row;

/** The README's "A first look at the Core", run as written (on SQLite, in example.db in the working directory). */
class ReadmeCoreTourTest {

    private static final List<String> FILES = List.of("example.db", "example.db-wal", "example.db-shm");

    @BeforeEach
    @AfterEach
    void removeExampleDatabase() throws IOException {
        for (String file : FILES) {
            Files.deleteIfExists(Path.of(file));
        }
    }

    @Test
    void coreTourRunsAsWritten() {
        // ---- from README.md, "A first look at the Core" ----
        Engine engine = Engine.create("jdbc:sqlite:example.db");      // a HikariCP pool; or Engine.create(dataSource)

        // "begin once": commits when the block returns, rolls back when it throws
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE IF NOT EXISTS user_account (id INTEGER PRIMARY KEY, name VARCHAR(30), fullname TEXT)"));
            conn.executeMany(text("INSERT INTO user_account (name, fullname) VALUES (:name, :fullname)"), List.of(
                    Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"),
                    Map.of("name", "sandy", "fullname", "Sandy Cheeks")));
        });

        record UserView(long id, String name, String fullname) {}

        // "commit as you go": statements run in a transaction until commit(); close() rolls back the rest
        try (Connection conn = engine.connect()) {
            List<UserView> users = conn.execute(text("SELECT * FROM user_account WHERE name = :name"),
                    Map.of("name", "sandy")).into(UserView.class);
            long count = conn.execute(text("SELECT COUNT(*) FROM user_account")).scalar(Long.class);
            for (Row row : conn.execute(text("SELECT id, name FROM user_account"))) {   // streams with a fetch size
                System.out.println(row.get("id", Long.class) + " " + row.get("name"));
            }
            // ---- end of the README excerpt ----
            assertThat(users).containsExactly(new UserView(2, "sandy", "Sandy Cheeks"));
            assertThat(count).isEqualTo(2);
        }
        engine.dispose();
        assertThat(Path.of("example.db")).exists();
    }
}
