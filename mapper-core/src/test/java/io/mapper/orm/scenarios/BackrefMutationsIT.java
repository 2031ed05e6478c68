package io.mapper.orm.scenarios;

import static io.mapper.orm.Orm.lazyLoad;
import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * SQLAlchemy's test/orm/test_backref_mutations.py, rewritten against mapper. Java cannot see field assignments, so
 * where SQLAlchemy's backrefs act at once, mapper reconciles both sides at the flush; each scenario flushes and then
 * checks the database and both in-memory sides.
 */
class BackrefMutationsIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine())
                .entities(Artist.class, Album.class, Citizen.class, Passport.class, Post.class, Tag.class).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private static long count(Session session, String sql) {
        return ((Number) Objects.requireNonNull(session.execute(Sql.text(sql)).scalar(), sql)).longValue();
    }

    /** The artist_id of the album, as the database has it ("null" for NULL), read in the session's transaction. */
    private static String artistIdOf(Session session, Album album) {
        return String.valueOf(session.execute(Sql.text("SELECT artist_id FROM album WHERE id = " + album.id))
                .scalar());
    }

    private static String citizenIdOf(Session session, Passport passport) {
        return String.valueOf(session.execute(Sql.text("SELECT citizen_id FROM passport WHERE id = " + passport.id))
                .scalar());
    }

    private static List<String> links(Session session) {
        return session.execute(Sql.text("SELECT p.title, t.name FROM post_tag pt JOIN post p ON p.id = pt.post_id "
                + "JOIN tag t ON t.id = pt.tag_id ORDER BY p.title, t.name")).all().stream()
                .map(row -> row.get(0) + "-" + row.get(1)).toList();
    }

    /** u1 "jack" with albums (the titles), u2 "ed" without; returns their ids. */
    private long[] artists(String... titles) {
        try (Session session = sessions.open()) {
            Artist u1 = new Artist("jack");
            for (String title : titles) {
                u1.add(new Album(title));
            }
            Artist u2 = new Artist("ed");
            session.addAll(List.of(u1, u2));
            session.commit();
            return new long[] {u1.id, u2.id};
        }
    }

    private static List<Artist> artistsWithUnloadedAlbums(Session session) {
        return session.scalars(select(Artist.class).options(lazyLoad("albums"))
                .orderBy(Sql.column("id", Types.BIGINT))).all();
    }

    private static Album album(Session session, String title) {
        return session.query(Album.class).filterBy("title", title).one();
    }

    // ---- O2MCollectionTest ----

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_collection_move_preloaded */
    @Test
    void test_collection_move_preloaded() {
        long[] ids = artists("address1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Artist u2 = session.get(Artist.class, ids[1]);
            Album a1 = u1.albums.get(0);
            u2.albums.add(a1);
            assertThat(a1.artist).isSameAs(u2);
            session.flush();
            assertThat(artistIdOf(session, a1)).isEqualTo(String.valueOf(u2.id));
            assertThat(u1.albums).doesNotContain(a1);
            assertThat(u2.albums).containsExactly(a1);
            session.commit();
        }
        assertThat(Db.string(engine(), "SELECT r.name FROM album a JOIN artist r ON r.id = a.artist_id"))
                .isEqualTo("ed");
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_collection_move_notloaded */
    @Test
    void test_collection_move_notloaded() {
        artists("address1");
        try (Session session = sessions.open()) {
            List<Artist> both = artistsWithUnloadedAlbums(session);
            Artist u1 = both.get(0);
            Artist u2 = both.get(1);
            Album a1 = album(session, "address1");
            assertThat(a1.artist).isSameAs(u1);
            u2.albums.add(a1);
            assertThat(a1.artist).isSameAs(u2);
            session.flush();
            assertThat(artistIdOf(session, a1)).isEqualTo(String.valueOf(u2.id));
            assertThat(u1.albums).doesNotContain(a1);
            assertThat(u2.albums).containsExactly(a1);
            session.commit();
        }
        assertThat(Db.string(engine(), "SELECT r.name FROM album a JOIN artist r ON r.id = a.artist_id"))
                .isEqualTo("ed");
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_collection_move_commitfirst */
    @Test
    void test_collection_move_commitfirst() {
        long[] ids = artists("address1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Artist u2 = session.get(Artist.class, ids[1]);
            Album a1 = u1.albums.get(0);
            u2.albums.add(a1);
            assertThat(a1.artist).isSameAs(u2);
            session.commit();
            assertThat(u1.albums).doesNotContain(a1);
            assertThat(u2.albums).containsExactly(a1);
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Artist.class, ids[0]).albums).isEmpty();
            assertThat(session.get(Artist.class, ids[1]).albums).extracting(album -> album.title)
                    .containsExactly("address1");
        }
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_scalar_move_preloaded */
    @Test
    void test_scalar_move_preloaded() {
        long[] ids = artists("a1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Artist u2 = session.get(Artist.class, ids[1]);
            Album a1 = u1.albums.get(0);
            a1.artist = u2;
            session.flush();
            assertThat(artistIdOf(session, a1)).isEqualTo(String.valueOf(u2.id));
            assertThat(u1.albums).doesNotContain(a1);
            assertThat(u2.albums).containsExactly(a1);
            session.commit();
        }
        assertThat(Db.string(engine(), "SELECT r.name FROM album a JOIN artist r ON r.id = a.artist_id"))
                .isEqualTo("ed");
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_plain_load_passive */
    @Test
    void test_plain_load_passive() {
        long[] ids = artists("a1");
        try (Session session = sessions.open()) {
            Album a1 = album(session, "a1");
            Artist u2 = session.get(Artist.class, ids[1]);
            recorder.clear();
            a1.artist = u2;
            session.flush();
            assertThat(recorder.sql()).filteredOn(sql -> !sql.startsWith("SELECT")).singleElement().asString()
                    .startsWith("UPDATE album");
            assertThat(artistIdOf(session, a1)).isEqualTo(String.valueOf(u2.id));
            assertThat(session.get(Artist.class, ids[0]).albums).doesNotContain(a1);
            assertThat(u2.albums).containsExactly(a1);
            session.commit();
        }
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_set_none */
    @Test
    void test_set_none() {
        long[] ids = artists("a1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Album a1 = u1.albums.get(0);
            a1.artist = null;
            session.flush();
            assertThat(artistIdOf(session, a1)).isEqualTo("null");
            assertThat(u1.albums).doesNotContain(a1);
            session.commit();
        }
        assertThat(Db.count(engine(), "SELECT COUNT(*) FROM album WHERE artist_id IS NULL")).isEqualTo(1);
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_scalar_move_notloaded */
    @Test
    void test_scalar_move_notloaded() {
        artists("a1");
        try (Session session = sessions.open()) {
            List<Artist> both = artistsWithUnloadedAlbums(session);
            Artist u1 = both.get(0);
            Artist u2 = both.get(1);
            Album a1 = album(session, "a1");
            a1.artist = u2;
            session.flush();
            assertThat(artistIdOf(session, a1)).isEqualTo(String.valueOf(u2.id));
            assertThat(u1.albums).doesNotContain(a1);
            assertThat(u2.albums).containsExactly(a1);
            session.commit();
        }
        assertThat(Db.string(engine(), "SELECT r.name FROM album a JOIN artist r ON r.id = a.artist_id"))
                .isEqualTo("ed");
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_scalar_move_commitfirst */
    @Test
    void test_scalar_move_commitfirst() {
        long[] ids = artists("a1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Artist u2 = session.get(Artist.class, ids[1]);
            Album a1 = u1.albums.get(0);
            a1.artist = u2;
            session.commit();
            assertThat(u1.albums).doesNotContain(a1);
            assertThat(u2.albums).containsExactly(a1);
            assertThat(session.get(Artist.class, ids[0])).isSameAs(u1);
            assertThat(u1.albums).isEmpty();
        }
        assertThat(Db.string(engine(), "SELECT r.name FROM album a JOIN artist r ON r.id = a.artist_id"))
                .isEqualTo("ed");
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_collection_assignment_mutates_previous_one */
    @Test
    void test_collection_assignment_mutates_previous_one() {
        long[] ids = artists("a1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Artist u2 = session.get(Artist.class, ids[1]);
            Album a1 = u1.albums.get(0);
            u2.albums = new ArrayList<>(List.of(a1));
            session.flush();
            assertThat(u1.albums).isEmpty();
            assertThat(a1.artist).isSameAs(u2);
            assertThat(artistIdOf(session, a1)).isEqualTo(String.valueOf(u2.id));
            session.commit();
        }
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_collection_assignment_mutates_previous_two */
    @Test
    void test_collection_assignment_mutates_previous_two() {
        long[] ids = artists("a1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Album a1 = u1.albums.get(0);
            u1.albums = new ArrayList<>();
            session.flush();
            assertThat(a1.artist).isNull();
            assertThat(artistIdOf(session, a1)).isEqualTo("null");
            session.commit();
        }
        assertThat(Db.rows(engine(), "album")).isEqualTo(1);
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_del_from_collection */
    @Test
    void test_del_from_collection() {
        long[] ids = artists("a1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Album a1 = u1.albums.remove(0);
            session.flush();
            assertThat(a1.artist).isNull();
            assertThat(artistIdOf(session, a1)).isEqualTo("null");
            session.commit();
        }
        assertThat(Db.count(engine(), "SELECT COUNT(*) FROM album WHERE artist_id IS NULL")).isEqualTo(1);
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_straight_remove */
    @Test
    void test_straight_remove() {
        long[] ids = artists("1", "2", "3");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Album a1 = u1.albums.get(0);
            Album a2 = u1.albums.get(1);
            Album a3 = u1.albums.remove(2);
            session.flush();
            assertThat(a3.artist).isNull();
            assertThat(u1.albums).containsExactly(a1, a2);
            assertThat(artistIdOf(session, a3)).isEqualTo("null");
            assertThat(artistIdOf(session, a1)).isEqualTo(String.valueOf(u1.id));
            session.commit();
        }
        assertThat(Db.strings(engine(), "SELECT title FROM album WHERE artist_id IS NOT NULL ORDER BY id"))
                .containsExactly("1", "2");
    }

    /** mirrors test/orm/test_backref_mutations.py::O2MCollectionTest::test_bulk_replace */
    @Test
    void test_bulk_replace() {
        long[] ids = artists("1", "2", "3");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Album a1 = u1.albums.get(0);
            Album a2 = u1.albums.get(1);
            Album a3 = u1.albums.get(2);
            u1.albums = new ArrayList<>(List.of(a1, a2));
            session.flush();
            assertThat(a3.artist).isNull();
            assertThat(a1.artist).isSameAs(u1);
            assertThat(u1.albums).containsExactly(a1, a2);
            assertThat(artistIdOf(session, a3)).isEqualTo("null");
            session.commit();
        }
        assertThat(Db.strings(engine(), "SELECT title FROM album WHERE artist_id IS NULL")).containsExactly("3");
    }

    // ---- O2MStaleBackrefTest ----

    /** mirrors test/orm/test_backref_mutations.py::O2MStaleBackrefTest::test_backref_pop_m2o */
    @Test
    void test_backref_pop_m2o() {
        long[] ids = artists();
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Artist u2 = session.get(Artist.class, ids[1]);
            Album a1 = new Album("a1");
            u1.albums.add(a1);
            u2.albums.add(a1);
            assertThat(a1.artist).isSameAs(u2);
            session.flush();
            assertThat(u1.albums).doesNotContain(a1);
            assertThat(u2.albums).containsExactly(a1);
            assertThat(artistIdOf(session, a1)).isEqualTo(String.valueOf(u2.id));
            session.commit();
        }
    }

    /**
     * mirrors test/orm/test_backref_mutations.py::O2MStaleBackrefTest::test_backref_pop_m2o (the contradictory form
     * Java allows: the album is added to one artist's collection and its reference set to another; mapper refuses
     * the flush and names both properties).
     */
    @Test
    void test_backref_pop_m2o_contradiction() {
        long[] ids = artists("a1");
        try (Session session = sessions.open()) {
            Artist u1 = session.get(Artist.class, ids[0]);
            Artist u2 = session.get(Artist.class, ids[1]);
            Artist u3 = new Artist("third");
            session.add(u3);
            session.flush();
            Album a1 = u1.albums.get(0);
            u2.albums.add(a1);
            a1.artist = u3;
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Artist.albums").hasMessageContaining("Album.artist");
        }
        assertThat(Db.string(engine(), "SELECT r.name FROM album a JOIN artist r ON r.id = a.artist_id"))
                .isEqualTo("jack");
    }

    // ---- O2OScalarBackrefMoveTest / O2OScalarMoveTest (Citizen.passport is the inverse, Passport.citizen owns) ----

    private long[] citizens() {
        try (Session session = sessions.open()) {
            Citizen u1 = new Citizen("jack");
            Passport a1 = new Passport("address1");
            a1.citizen = u1;
            u1.passport = a1;
            Citizen u2 = new Citizen("ed");
            Passport a2 = new Passport("address2");
            session.addAll(List.of(u1, u2, a1, a2));
            session.commit();
            return new long[] {u1.id, u2.id, a1.id, a2.id};
        }
    }

    /** mirrors test/orm/test_backref_mutations.py::O2OScalarBackrefMoveTest::test_collection_move_preloaded */
    @Test
    void test_o2o_collection_move_preloaded() {
        long[] ids = citizens();
        try (Session session = sessions.open()) {
            Citizen u1 = session.get(Citizen.class, ids[0]);
            Citizen u2 = session.get(Citizen.class, ids[1]);
            Passport a1 = u1.passport;
            assertThat(a1).isNotNull();
            u2.passport = a1;
            session.flush();
            assertThat(a1.citizen).isSameAs(u2);
            assertThat(u1.passport).isNull();
            assertThat(u2.passport).isSameAs(a1);
            assertThat(citizenIdOf(session, a1)).isEqualTo(String.valueOf(u2.id));
            session.commit();
        }
        assertThat(Db.string(engine(), "SELECT c.name FROM passport p JOIN citizen c ON c.id = p.citizen_id"))
                .isEqualTo("ed");
    }

    /** mirrors test/orm/test_backref_mutations.py::O2OScalarBackrefMoveTest::test_scalar_move_preloaded */
    @Test
    void test_o2o_scalar_move_preloaded() {
        long[] ids = citizens();
        try (Session session = sessions.open()) {
            Citizen u1 = session.get(Citizen.class, ids[0]);
            Passport a1 = session.get(Passport.class, ids[2]);
            Passport a2 = session.get(Passport.class, ids[3]);
            assertThat(a1.citizen).isSameAs(u1);
            a2.citizen = u1;
            session.flush();
            assertThat(u1.passport).isSameAs(a2);
            assertThat(a1.citizen).isNull();
            assertThat(citizenIdOf(session, a1)).isEqualTo("null");
            assertThat(citizenIdOf(session, a2)).isEqualTo(String.valueOf(u1.id));
            session.commit();
        }
        assertThat(Db.string(engine(), "SELECT p.number FROM passport p WHERE p.citizen_id IS NOT NULL"))
                .isEqualTo("address2");
    }

    /** mirrors test/orm/test_backref_mutations.py::O2OScalarBackrefMoveTest::test_scalar_move_commitfirst */
    @Test
    void test_o2o_scalar_move_commitfirst() {
        long[] ids = citizens();
        try (Session session = sessions.open()) {
            Citizen u1 = session.get(Citizen.class, ids[0]);
            Passport a1 = session.get(Passport.class, ids[2]);
            Passport a2 = session.get(Passport.class, ids[3]);
            a2.citizen = u1;
            session.commit();
            assertThat(u1.passport).isSameAs(a2);
            assertThat(a1.citizen).isNull();
            assertThat(a2.citizen).isSameAs(u1);
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Citizen.class, ids[0]).passport.number).isEqualTo("address2");
            assertThat(session.get(Passport.class, ids[2]).citizen).isNull();
        }
    }

    /** mirrors test/orm/test_backref_mutations.py::O2OScalarMoveTest::test_collection_move_commitfirst */
    @Test
    void test_o2o_collection_move_commitfirst() {
        long[] ids = citizens();
        try (Session session = sessions.open()) {
            Citizen u1 = session.get(Citizen.class, ids[0]);
            Citizen u2 = session.get(Citizen.class, ids[1]);
            Passport a1 = u1.passport;
            u2.passport = a1;
            session.commit();
            assertThat(u1.passport).isNull();
            assertThat(u2.passport).isSameAs(a1);
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Citizen.class, ids[0]).passport).isNull();
            assertThat(session.get(Citizen.class, ids[1]).passport.number).isEqualTo("address1");
        }
    }

    // ---- M2MCollectionMoveTest / M2MStaleBackrefTest (Post.tags owns post_tag, Tag.posts is the inverse) ----

    /** mirrors test/orm/test_backref_mutations.py::M2MCollectionMoveTest::test_add_remove_pending_backref */
    @Test
    void test_add_remove_pending_backref() {
        try (Session session = sessions.open()) {
            session.autoflush(false);
            Post i1 = new Post("i1");
            session.add(i1);
            session.commit();
            Tag k1 = new Tag("k1");
            session.add(k1);
            session.flush();
            k1.posts.add(i1);
            k1.posts.remove(i1);
            session.flush();
            assertThat(i1.tags).isEmpty();
            assertThat(links(session)).isEmpty();
            session.commit();
        }
        assertThat(Db.rows(engine(), "post_tag")).isZero();
    }

    /** mirrors test/orm/test_backref_mutations.py::M2MCollectionMoveTest::test_remove_add_pending_backref */
    @Test
    void test_remove_add_pending_backref() {
        try (Session session = sessions.open()) {
            session.autoflush(false);
            Tag k1 = new Tag("k1");
            Post i1 = new Post("i1");
            i1.tags.add(k1);
            session.add(i1);
            session.commit();
            Tag loaded = session.query(Tag.class).one();
            assertThat(loaded).isSameAs(k1);
            k1.posts.remove(i1);
            k1.posts.add(i1);
            session.flush();
            assertThat(i1.tags).containsExactly(k1);
            assertThat(links(session)).containsExactly("i1-k1");
            session.commit();
        }
        assertThat(Db.rows(engine(), "post_tag")).isEqualTo(1);
    }

    /** mirrors test/orm/test_backref_mutations.py::M2MCollectionMoveTest::test_pending_combines_with_flushed */
    @Test
    void test_pending_combines_with_flushed() {
        try (Session session = sessions.open()) {
            session.autoflush(false);
            Tag k1 = new Tag("k1");
            Tag k2 = new Tag("k2");
            Post i1 = new Post("i1");
            i1.tags.add(k1);
            session.addAll(List.of(i1, k2));
            session.commit();
            Post post = session.query(Post.class).one();
            Tag tag2 = session.query(Tag.class).filterBy("name", "k2").one();
            assertThat(post).isSameAs(i1);
            tag2.posts.add(i1);
            assertThat(i1.tags).containsExactlyInAnyOrder(k1, k2);
            assertThat(count(session, "SELECT COUNT(*) FROM post_tag")).isEqualTo(1);
            session.flush();
            assertThat(links(session)).containsExactly("i1-k1", "i1-k2");
            session.commit();
        }
        assertThat(Db.rows(engine(), "post_tag")).isEqualTo(2);
    }

    /** mirrors test/orm/test_backref_mutations.py::M2MCollectionMoveTest::test_duplicate_adds */
    @Test
    void test_duplicate_adds() {
        try (Session session = sessions.open()) {
            Tag k1 = new Tag("k1");
            Post i1 = new Post("i1");
            i1.tags.add(k1);
            session.add(i1);
            session.commit();
            session.query(Tag.class).one();
            k1.posts.add(i1);
            k1.posts.add(i1);
            i1.tags.add(k1);
            session.commit();
            assertThat(k1.posts).containsExactly(i1);
            assertThat(i1.tags).containsExactly(k1);
        }
        assertThat(Db.rows(engine(), "post_tag")).isEqualTo(1);
    }

    /** mirrors test/orm/test_backref_mutations.py::M2MCollectionMoveTest::test_bulk_replace */
    @Test
    void test_bulk_replace_m2m() {
        try (Session session = sessions.open()) {
            Tag k1 = new Tag("k1");
            Tag k2 = new Tag("k2");
            Tag k3 = new Tag("k3");
            Post i1 = new Post("i1");
            Post i2 = new Post("i2");
            i1.tags.addAll(List.of(k1, k2));
            i2.tags.add(k3);
            session.addAll(List.of(i1, i2));
            session.commit();
            List<Tag> tags = session.query(Tag.class).all();
            assertThat(tags).containsExactlyInAnyOrder(k1, k2, k3);
            i1.tags = new LinkedHashSet<>(List.of(k2, k3));
            session.flush();
            assertThat(k3.posts).containsExactlyInAnyOrder(i1, i2);
            assertThat(k1.posts).doesNotContain(i1);
            assertThat(links(session)).containsExactly("i1-k2", "i1-k3", "i2-k3");
            session.commit();
        }
        assertThat(Db.rows(engine(), "post_tag")).isEqualTo(3);
    }

    /** mirrors test/orm/test_backref_mutations.py::M2MStaleBackrefTest::test_backref_pop_m2m */
    @Test
    void test_backref_pop_m2m() {
        try (Session session = sessions.open()) {
            Tag k1 = new Tag("k1");
            Tag k2 = new Tag("k2");
            Post i1 = new Post("i1");
            session.addAll(List.of(k1, k2, i1));
            session.flush();
            k1.posts.add(i1);
            k2.posts.add(i1);
            session.flush();
            assertThat(links(session)).containsExactly("i1-k1", "i1-k2");
            assertThat(i1.tags).containsExactlyInAnyOrder(k1, k2);

            i1.tags.clear();
            k2.posts.remove(i1);
            session.flush();
            assertThat(k2.posts).isEmpty();
            assertThat(k1.posts).isEmpty();
            assertThat(links(session)).isEmpty();
            session.commit();
        }
        assertThat(Db.rows(engine(), "post_tag")).isZero();
    }

    /**
     * mirrors test/orm/test_backref_mutations.py::M2MCollectionMoveTest::test_remove_add_pending_backref (a removal on
     * the inverse side alone, the owning side loaded and unchanged: the link row goes and the owner's set follows).
     */
    @Test
    void test_inverse_remove_with_owner_loaded() {
        try (Session session = sessions.open()) {
            Tag k1 = new Tag("k1");
            Tag k2 = new Tag("k2");
            Post i1 = new Post("i1");
            i1.tags.addAll(List.of(k1, k2));
            session.add(i1);
            session.commit();
            session.query(Post.class).one();
            session.query(Tag.class).all();
            k1.posts.remove(i1);
            session.flush();
            assertThat(links(session)).containsExactly("i1-k2");
            assertThat(i1.tags).containsExactly(k2);
            session.commit();
        }
        assertThat(Db.rows(engine(), "post_tag")).isEqualTo(1);
    }
}
