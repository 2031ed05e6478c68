package io.mapper.orm.naming;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.convention.NamingStrategy;
import io.mapper.testing.BackendTest;

/**
 * One set of entity classes over the two namings of the same schema, Chinook's {@code artist}/{@code album}: its
 * PostgreSQL copy's snake_case (on every backend) and its SQLite/MySQL copy's PascalCase (on SQLite and MariaDB,
 * which keep the case of unquoted names; the fixture is created with unquoted names as the Chinook scripts do). Names
 * are quoted only where the database would fold them.
 */
class NamingStrategyIT extends BackendTest {

    private SessionFactory load(String fixture, NamingStrategy strategy) throws IOException {
        String script;
        try (InputStream in = NamingStrategyIT.class.getResourceAsStream("/chinook/" + fixture)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection conn = engine().begin()) {
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    conn.execute(text(statement.strip()));
                }
            }
            conn.commit();
        }
        SessionFactory sessions = SessionFactory.builder(engine()).entities(Artist.class, Album.class)
                .namingStrategy(strategy).build();
        recorder.clear();
        return sessions;
    }

    private void readAndWrite(SessionFactory sessions) {
        Attribute<Album, String> title = sessions.attribute(Album.class, "title", String.class);
        try (Session session = sessions.open()) {
            Album album = session.get(Album.class, 2L);
            assertThat(album.title).isEqualTo("Balls to the Wall");
            assertThat(album.artist.name).isEqualTo("Accept");
            assertThat(session.scalars(select(Album.class).where(title.startsWith("B")).orderBy(title)).all())
                    .extracting(found -> found.title).containsExactly("Balls to the Wall", "Big Ones");
            session.add(new Album(8, "Let There Be Rock (Live)", album.artist));
            session.commit();
        }
    }

    @Test
    void snakeCaseMapsChinooksPostgresNaming() throws IOException {
        SessionFactory sessions = load("chinook-snake.sql", NamingStrategy.SNAKE_CASE);
        readAndWrite(sessions);
        assertThat(recorder.sql()).contains(
                "SELECT album.album_id, album.title, album.artist_id FROM album WHERE album.album_id = ?",
                "INSERT INTO album (album_id, title, artist_id) VALUES (?, ?, ?)");
    }

    @Test
    void pascalCaseMapsChinooksSqliteAndMySqlNaming() throws IOException {
        // PostgreSQL and H2 fold unquoted names, so the unquoted PascalCase script creates other names there.
        assumeTrue(backend.is("sqlite") || backend.is("mariadb"), "PascalCase fixture: SQLite and MariaDB");
        SessionFactory sessions = load("chinook-pascal.sql", NamingStrategy.PASCAL_CASE);
        readAndWrite(sessions);
        // Unquoted: these databases keep the case as written, so there is nothing to quote.
        assertThat(recorder.sql()).contains(
                "SELECT Album.AlbumId, Album.Title, Album.ArtistId FROM Album WHERE Album.AlbumId = ?",
                "INSERT INTO Album (AlbumId, Title, ArtistId) VALUES (?, ?, ?)");
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT Title FROM Album WHERE ArtistId = 2 ORDER BY AlbumId")).all())
                    .extracting(row -> row.get(0))
                    .containsExactly("Balls to the Wall", "Restless and Wild", "Let There Be Rock (Live)");
        }
    }

    @Test
    void pascalCaseIsQuotedWhereTheDatabaseFoldsNames() {
        SessionFactory sessions = SessionFactory.builder(engine()).entities(Artist.class, Album.class)
                .namingStrategy(NamingStrategy.PASCAL_CASE).build();
        sessions.metadata().createAll(engine());
        readFromEmpty(sessions);
        boolean folds = backend.is("postgresql") || backend.is("h2");
        assertThat(recorder.sql()).anySatisfy(sql -> assertThat(sql).contains(folds
                ? "INSERT INTO \"Artist\" (\"ArtistId\", \"Name\") VALUES (?, ?)"
                : "INSERT INTO Artist (ArtistId, Name) VALUES (?, ?)"));
    }

    private void readFromEmpty(SessionFactory sessions) {
        try (Session session = sessions.open()) {
            Artist artist = new Artist();
            artist.artistId = 1L;
            artist.name = "AC/DC";
            session.add(artist);
            session.add(new Album(1, "Highway to Hell", artist));
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Album.class, 1L).artist.name).isEqualTo("AC/DC");
        }
    }
}
