package io.mapper.orm.naming;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

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
 *
 * <p>{@code Album_} and {@code Artist_} next to the entities are their metamodel generated with
 * {@code -Amapper.namingStrategy=pascal-case} (checked in, since mapper-core's build cannot run mapper-processor;
 * mapper-processor's NamingStrategyOptionTest checks that they are what it generates): they serve a PascalCase factory,
 * and a snake_case factory over the same classes takes its handles from {@code sessions.attribute(...)} and is warned
 * about them when it is built.
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
        // A factory whose strategy is not the metamodel's takes relationship handles from itself too.
        Attribute<Artist, String> name = sessions.attribute(Artist.class, "name", String.class);
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Album.class).join(sessions.relation(Album.class, "artist", Artist.class))
                    .where(name.eq("Aerosmith"))).all()).extracting(found -> found.title).containsExactly("Big Ones");
        }
    }

    @Test
    void snakeCaseMapsChinooksPostgresNaming() throws IOException {
        SessionFactory sessions = load("chinook-snake.sql", NamingStrategy.SNAKE_CASE);
        readAndWrite(sessions);
        assertThat(recorder.sql()).contains(
                "SELECT album.album_id, album.title, album.artist_id FROM album WHERE album.album_id = ?",
                "INSERT INTO album (album_id, title, artist_id) VALUES (?, ?, ?)",
                "SELECT album.album_id, album.title, album.artist_id FROM album JOIN artist "
                        + "ON artist.artist_id = album.artist_id WHERE artist.name = ?");
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
                "INSERT INTO Album (AlbumId, Title, ArtistId) VALUES (?, ?, ?)",
                "SELECT Album.AlbumId, Album.Title, Album.ArtistId FROM Album JOIN Artist "
                        + "ON Artist.ArtistId = Album.ArtistId WHERE Artist.Name = ?");
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(text("SELECT Title FROM Album WHERE ArtistId = 2 ORDER BY AlbumId")).all())
                    .extracting(row -> row.get(0))
                    .containsExactly("Balls to the Wall", "Restless and Wild", "Let There Be Rock (Live)");
        }
    }

    /**
     * A many-to-many's association table and columns and a key's sequence follow the strategy too:
     * {@code PlaylistTrack (PlaylistId, TrackId)} and {@code PlaylistSeq} in Pascal case (Chinook's own names),
     * {@code playlist_track (playlist_id, track_id)} and {@code playlist_seq} in snake case. Written and read back.
     */
    @Test
    void theAssociationTableAndTheKeySequenceFollowTheStrategy() {
        for (NamingStrategy strategy : java.util.List.of(NamingStrategy.SNAKE_CASE, NamingStrategy.PASCAL_CASE)) {
            boolean pascal = strategy == NamingStrategy.PASCAL_CASE;
            SessionFactory sessions = SessionFactory.builder(engine()).entities(Playlist.class, Track.class)
                    .namingStrategy(strategy).build();
            assertThat(sessions.metadata().table(pascal ? "PlaylistTrack" : "playlist_track").columnNames())
                    .containsExactly(pascal ? "PlaylistId" : "playlist_id", pascal ? "TrackId" : "track_id");
            assertThat(sessions.metadata().table(pascal ? "Playlist" : "playlist")
                    .column(pascal ? "PlaylistId" : "playlist_id").defaultSequence())
                    .hasValueSatisfying(sequence -> assertThat(sequence.name())
                            .isEqualTo(pascal ? "PlaylistSeq" : "playlist_seq"));
            sessions.metadata().createAll(engine());
            try {
                Long id;
                try (Session session = sessions.open()) {
                    Playlist grunge = new Playlist("Grunge");
                    grunge.tracks.add(new Track(1L, "Evenflow"));
                    grunge.tracks.add(new Track(2L, "Alive"));
                    session.add(grunge);
                    session.commit();
                    id = grunge.playlistId;
                }
                try (Session session = sessions.open()) {
                    assertThat(session.get(Playlist.class, id).tracks).extracting(track -> track.name)
                            .containsExactlyInAnyOrder("Evenflow", "Alive");
                }
            } finally {
                sessions.metadata().dropAll(engine());
            }
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

    /**
     * The metamodel generated for pascal-case, over Chinook's PascalCase copy (SQLite, MariaDB) or over tables
     * created from the mapping (quoted where PostgreSQL and H2 fold names): conditions, ordering, a join through the
     * relationship, a tuple query and a Core statement built from the attributes name the PascalCase columns.
     */
    @Test
    void aPascalCaseMetamodelWritesThePascalCaseSchemasSql() throws IOException {
        boolean keepsCase = backend.is("sqlite") || backend.is("mariadb");
        SessionFactory sessions;
        if (keepsCase) {
            sessions = load("chinook-pascal.sql", NamingStrategy.PASCAL_CASE);
        } else {
            sessions = SessionFactory.builder(engine()).entities(Artist.class, Album.class)
                    .namingStrategy(NamingStrategy.PASCAL_CASE).build();
            sessions.metadata().createAll(engine());
            try (Session session = sessions.open()) {
                Artist acdc = new Artist();
                acdc.artistId = 1L;
                acdc.name = "AC/DC";
                Artist accept = new Artist();
                accept.artistId = 2L;
                accept.name = "Accept";
                session.add(new Album(2, "Balls to the Wall", accept));
                session.add(new Album(3, "Restless and Wild", accept));
                session.add(new Album(4, "Let There Be Rock", acdc));
                session.commit();
            }
            recorder.clear();
        }
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Album.class).where(Album_.artistArtistId.eq(2L)).orderBy(Album_.title))
                    .all()).extracting(album -> album.title).containsExactly("Balls to the Wall", "Restless and Wild");
            assertThat(session.scalars(select(Album.class).join(Album_.artist).where(Artist_.name.eq("AC/DC"))
                    .orderBy(Album_.albumId)).all()).extracting(album -> album.title).contains("Let There Be Rock");
            assertThat(session.tuples(select(Album_.title, Artist_.name).join(Album_.artist)
                    .where(Album_.albumId.eq(3L)))).singleElement()
                    .satisfies(row -> assertThat(row.toList()).containsExactly("Restless and Wild", "Accept"));
        }
        String q = keepsCase ? "" : "\"";
        String album = q + "Album" + q;
        String artist = q + "Artist" + q;
        String title = album + "." + q + "Title" + q;
        // The albums' artists are loaded with them (select-in), through the mapping.
        String artists = "SELECT " + artist + "." + q + "ArtistId" + q + ", " + artist + "." + q + "Name" + q
                + " FROM " + artist + " WHERE " + artist + "." + q + "ArtistId" + q + " IN (?)";
        assertThat(recorder.sql()).containsExactly(
                "SELECT " + album + "." + q + "AlbumId" + q + ", " + title + ", " + album + "." + q + "ArtistId" + q
                        + " FROM " + album + " WHERE " + album + "." + q + "ArtistId" + q + " = ? ORDER BY " + title,
                artists,
                "SELECT " + album + "." + q + "AlbumId" + q + ", " + title + ", " + album + "." + q + "ArtistId" + q
                        + " FROM " + album + " JOIN " + artist + " ON " + artist + "." + q + "ArtistId" + q + " = "
                        + album + "." + q + "ArtistId" + q + " WHERE " + artist + "." + q + "Name" + q
                        + " = ? ORDER BY " + album + "." + q + "AlbumId" + q,
                artists,
                "SELECT " + title + ", " + artist + "." + q + "Name" + q + " FROM " + album + " JOIN " + artist
                        + " ON " + artist + "." + q + "ArtistId" + q + " = " + album + "." + q + "ArtistId" + q
                        + " WHERE " + album + "." + q + "AlbumId" + q + " = ?");
    }

    /**
     * A factory whose strategy differs from the one the metamodel was generated with logs one WARN when it is built,
     * naming the classes, both names and the fixes; one whose strategy matches logs nothing.
     */
    @Test
    void aFactoryWarnsOnceWhenTheMetamodelWasGeneratedForAnotherStrategy() {
        Logger log = (Logger) LoggerFactory.getLogger("io.mapper.orm.metamodel");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            SessionFactory.builder(engine()).entities(Artist.class, Album.class)
                    .namingStrategy(NamingStrategy.PASCAL_CASE).build();
            assertThat(appender.list).isEmpty();

            SessionFactory.builder(engine()).entities(Artist.class, Album.class).build();
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                assertThat(event.getFormattedMessage()).isEqualTo("The generated metamodel does not match this "
                        + "session factory's naming strategy (snake-case): Artist_ (generated with pascal-case) names "
                        + "table Artist (mapped: artist), Artist.ArtistId (mapped: artist.artist_id), Artist.Name "
                        + "(mapped: artist.name); Album_ (generated with pascal-case) names table Album "
                        + "(mapped: album), "
                        + "Album.AlbumId (mapped: album.album_id), Album.Title (mapped: album.title) and 1 more. "
                        + "Statements built with these attributes would name the wrong tables and columns. Compile the "
                        + "entities with -Amapper.namingStrategy=snake-case to match; or, for a second session factory "
                        + "with another strategy, take handles from that factory instead: "
                        + "sessions.attribute(Artist.class, \"artistId\", Long.class).");
            });
        } finally {
            log.detachAppender(appender);
        }
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
