package io.mapper.orm.collections;

import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.lazyLoad;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Row;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.testing.SqlRecorder;

/**
 * Lists with an {@code @OrderColumn}, bidirectional ({@link Playlist}) and unidirectional ({@link Album}): the flush
 * writes each element's index with its INSERT and UPDATEs only the elements whose index changed; every loading
 * strategy returns the list in that order. Mirrors SQLAlchemy's test/ext/test_orderinglist.py.
 */
class OrderedListIT extends BackendTest {

    private static final String TRACKS_BY_POSITION = "SELECT track.id, track.title, track.playlist_id, "
            + "track.seq FROM track WHERE track.playlist_id IN (?) ORDER BY track.seq, track.id";

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Playlist.class, Track.class, Album.class, Song.class)
                .build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private long playlist(String... titles) {
        try (Session session = sessions.open()) {
            Playlist playlist = new Playlist("mix");
            for (String title : titles) {
                playlist.tracks.add(new Track(title));
            }
            session.add(playlist);
            session.commit();
            recorder.clear();
            return playlist.id;
        }
    }

    /** The rows of the track table as "title@position", in position order. */
    private List<String> trackRows() {
        try (Session session = sessions.open()) {
            List<String> rows = new ArrayList<>();
            for (Row row : session.execute(Sql.text("SELECT title, seq FROM track ORDER BY seq, id"))
                    .all()) {
                rows.add(row.get(0) + "@" + row.get(1));
            }
            return rows;
        }
    }

    private List<SqlRecorder.Recorded> writes() {
        return recorder.statements().stream().filter(recorded -> !recorded.sql().startsWith("SELECT")).toList();
    }

    private static List<String> titles(List<Track> tracks) {
        return tracks.stream().map(track -> track.title).toList();
    }

    /** mirrors test/ext/test_orderinglist.py::OrderingListTest::test_append_no_reorder */
    @Test
    void appendedElementsAreInsertedWithTheirIndex() {
        try (Session session = sessions.open()) {
            Playlist playlist = new Playlist("mix");
            playlist.tracks.add(new Track("s1/b1"));
            playlist.tracks.add(new Track("s1/b2"));
            playlist.tracks.add(new Track("s1/b3"));
            session.add(playlist);
            session.commit();
        }
        List<String> inserts = recorder.sql().stream().filter(sql -> sql.contains("INSERT INTO track")).toList();
        assertThat(inserts).as("%s", recorder.sql()).isNotEmpty().allSatisfy(sql -> assertThat(sql)
                .contains("INSERT INTO track (title, playlist_id, seq) VALUES"));
        assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("UPDATE"));
        assertThat(trackRows()).containsExactly("s1/b1@0", "s1/b2@1", "s1/b3@2");
    }

    /** mirrors test/ext/test_orderinglist.py::OrderingListTest::test_insert */
    @Test
    void insertingInTheMiddleUpdatesOnlyTheElementsAfterIt() {
        long id = playlist("1", "2", "3", "4");
        try (Session session = sessions.open()) {
            Playlist playlist = session.get(Playlist.class, id);
            playlist.tracks.add(2, new Track("insert_at_2"));
            playlist.tracks.add(new Track("999"));
            recorder.clear();
            session.commit();
            List<SqlRecorder.Recorded> writes = writes();
            assertThat(writes).extracting(SqlRecorder.Recorded::sql).filteredOn(sql -> sql.startsWith("UPDATE"))
                    .containsExactly("UPDATE track SET seq = ? WHERE track.id = ?");
            SqlRecorder.Recorded update = writes.stream().filter(w -> w.sql().startsWith("UPDATE")).findFirst()
                    .orElseThrow();
            assertThat(update.batchSize()).isEqualTo(2);    // "3" and "4" moved; "1" and "2" did not
        }
        assertThat(trackRows()).containsExactly("1@0", "2@1", "insert_at_2@2", "3@3", "4@4", "999@5");
        try (Session session = sessions.open()) {
            assertThat(titles(session.get(Playlist.class, id).tracks))
                    .containsExactly("1", "2", "insert_at_2", "3", "4", "999");
        }
    }

    /** mirrors test/ext/test_orderinglist.py::OrderingListTest::test_slice */
    @Test
    void removingASliceDeletesTheOrphansAndClosesTheGap() {
        long id = playlist("1", "2", "3", "4", "5", "6");
        try (Session session = sessions.open()) {
            Playlist playlist = session.get(Playlist.class, id);
            playlist.tracks.subList(1, 4).clear();    // 1, 5, 6
            recorder.clear();
            session.commit();
            assertThat(writes()).extracting(SqlRecorder.Recorded::sql).containsExactly(
                    "UPDATE track SET seq = ? WHERE track.id = ?",
                    "DELETE FROM track WHERE track.id = ?");
        }
        assertThat(trackRows()).containsExactly("1@0", "5@1", "6@2");
    }

    /** mirrors test/ext/test_orderinglist.py::OrderingListTest::test_replace */
    @Test
    void replacingAnElementInsertsTheNewOneAtItsIndex() {
        long id = playlist("1", "2", "3");
        try (Session session = sessions.open()) {
            Playlist playlist = session.get(Playlist.class, id);
            playlist.tracks.set(1, new Track("new 2"));
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("UPDATE"));
            assertThat(recorder.sql()).anyMatch(sql -> sql.startsWith("DELETE FROM track"));
        }
        assertThat(trackRows()).containsExactly("1@0", "new 2@1", "3@2");
        try (Session session = sessions.open()) {
            assertThat(titles(session.get(Playlist.class, id).tracks)).containsExactly("1", "new 2", "3");
        }
    }

    /** mirrors test/ext/test_orderinglist.py::OrderingListTest::test_replace_two */
    @Test
    void reorderingUpdatesOnlyTheMovedElements() {
        long id = playlist("1", "2", "3", "4");
        try (Session session = sessions.open()) {
            Playlist playlist = session.get(Playlist.class, id);
            Track first = playlist.tracks.remove(0);
            playlist.tracks.add(2, first);    // 2, 3, 1, 4
            recorder.clear();
            session.commit();
            List<SqlRecorder.Recorded> writes = writes();
            assertThat(writes).extracting(SqlRecorder.Recorded::sql)
                    .containsExactly("UPDATE track SET seq = ? WHERE track.id = ?");
            assertThat(writes.get(0).batchSize()).isEqualTo(3);    // "4" kept its index
        }
        assertThat(trackRows()).containsExactly("2@0", "3@1", "1@2", "4@3");
    }

    @Test
    void anUnchangedListWritesNothing() {
        long id = playlist("1", "2");
        try (Session session = sessions.open()) {
            Playlist playlist = session.get(Playlist.class, id);
            assertThat(playlist.tracks).hasSize(2);
            recorder.clear();
            session.commit();
        }
        assertThat(writes()).isEmpty();
    }

    @Test
    void everyLoadingStrategyOrdersByTheColumn() {
        long id = playlist("c", "a", "b");
        try (Session session = sessions.open()) {
            Playlist playlist = session.get(Playlist.class, id);
            Track first = playlist.tracks.remove(0);
            playlist.tracks.add(first);    // a, b, c: positions now disagree with keys
            session.commit();
        }
        try (Session session = sessions.open()) {
            recorder.clear();
            Playlist playlist = session.scalars(select(Playlist.class).options(selectInLoad("tracks"))).one();
            assertThat(titles(playlist.tracks)).containsExactly("a", "b", "c");
            assertThat(recorder.sql().get(1)).isEqualTo(TRACKS_BY_POSITION);
        }
        try (Session session = sessions.open()) {
            recorder.clear();
            Playlist playlist = session.scalars(select(Playlist.class).options(joinedLoad("tracks"))).one();
            assertThat(titles(playlist.tracks)).containsExactly("a", "b", "c");
            assertThat(recorder.sql()).hasSize(1);
            assertThat(recorder.sql().get(0)).isEqualTo("SELECT playlist.id, playlist.name, track_1.id, "
                    + "track_1.title, track_1.playlist_id, track_1.seq FROM playlist LEFT OUTER JOIN track AS "
                    + "track_1 ON track_1.playlist_id = playlist.id ORDER BY playlist.id, track_1.seq, track_1.id");
        }
        try (Session session = sessions.open()) {
            Playlist playlist = session.scalars(select(Playlist.class).options(lazyLoad("tracks"))).one();
            recorder.clear();
            assertThat(titles(playlist.tracks)).containsExactly("a", "b", "c");
            assertThat(recorder.sql()).containsExactly(TRACKS_BY_POSITION);
        }
    }

    @Test
    void theOrderColumnIsCreatedWithTheElementsTable() {
        assertThat(sessions.metadata().table("track").columns()).extracting(column -> column.name())
                .containsExactly("id", "title", "playlist_id", "seq");
        assertThat(sessions.metadata().table("song").columns()).extracting(column -> column.name())
                .containsExactly("id", "title", "album_id", "track_no");
    }
}
