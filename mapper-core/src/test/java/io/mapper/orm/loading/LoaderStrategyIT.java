package io.mapper.orm.loading;

import static io.mapper.orm.Orm.containsEager;
import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.raiseLoad;
import static io.mapper.orm.Orm.selectInLoad;
import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.Attribute;
import io.mapper.orm.Relation;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Sql;
import io.mapper.sql.TableAlias;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * The loader strategies, asserted by the statements they emit on every backend: joined references in one statement
 * with a LEFT OUTER JOIN, contains-eager from the query's own join, and the fallbacks. Each test names the
 * SQLAlchemy test it mirrors.
 */
class LoaderStrategyIT extends BackendTest {

    // What mapper-processor generates into Artist_, Album_ and Person_, written by hand here.
    static final Relation<Album, Artist> ALBUM_ARTIST = Relation.of(Album.class, "artist", Artist.class);
    static final Relation<Artist, Album> ARTIST_ALBUMS = Relation.of(Artist.class, "albums", Album.class);
    static final TableClause ARTIST = Attribute.table("artist");
    static final TableClause ALBUM = Attribute.table("album");
    static final TableClause PERSON = Attribute.table("person");
    static final Attribute<Artist, Long> ARTIST_ID = Attribute.of(Artist.class, "id", ARTIST, "id", Types.BIGINT);
    static final Attribute<Artist, String> ARTIST_NAME = Attribute.of(Artist.class, "name", ARTIST, "name",
            Types.string(40));
    static final Attribute<Album, String> ALBUM_TITLE = Attribute.of(Album.class, "title", ALBUM, "title",
            Types.string(40));
    static final Attribute<Person, String> PERSON_NAME = Attribute.of(Person.class, "name", PERSON, "name",
            Types.string(40));

    private SessionFactory sessions;

    @BeforeEach
    void fill() {
        sessions = SessionFactory.builder(engine()).entities(Artist.class, Album.class, Person.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            session.add(new Artist("Nina").with(new Album("Wild")).with(new Album("Blue")));
            session.add(new Artist("Miles").with(new Album("Kind")));
            session.add(new Artist("Solo"));
            session.add(new Album("Demo"));
            Person ceo = new Person("ceo", null);
            Person vp = new Person("vp", ceo);
            session.add(new Person("dev", vp));
            session.commit();
        }
        recorder.clear();
    }

    private static String lower(String sql) {
        return sql.toLowerCase(java.util.Locale.ROOT);
    }

    // mirrors test_eager_relations.py::EagerTest::test_many_to_one and ::test_many_to_one_null
    @Test
    void joinedLoadOfAReferenceIsOneStatementWithALeftOuterJoin() {
        try (Session session = sessions.open()) {
            List<Album> albums = session.scalars(select(Album.class).options(joinedLoad(ALBUM_ARTIST))
                    .orderBy(ALBUM_TITLE)).all();
            assertThat(albums).extracting(album -> album.title).containsExactly("Blue", "Demo", "Kind", "Wild");
            assertThat(albums).extracting(album -> album.artist == null ? null : album.artist.name)
                    .containsExactly("Nina", null, "Miles", "Nina");
            assertThat(albums.get(0).artist).isSameAs(albums.get(3).artist);
            // The joined artist is in the identity map: get() answers without SQL.
            assertThat(session.get(Artist.class, albums.get(2).artist.id)).isSameAs(albums.get(2).artist);
            // A reference the join found NULL is loaded as null, not lazy-loaded later.
            assertThat(albums.get(1).artist).isNull();
        }
        recorder.assertCount(1);
        assertThat(lower(recorder.sql().get(0))).contains("left outer join artist").contains("artist_1")
                .contains("artist_1.name");
    }

    // mirrors test_eager_relations.py::LoadOnExistingTest (an eager load does not overwrite a loaded object)
    @Test
    void joinedLoadReusesObjectsAlreadyInTheIdentityMap() {
        try (Session session = sessions.open()) {
            Artist nina = session.scalars(select(Artist.class).where(ARTIST_NAME.eq("Nina"))).one();
            nina.name = "Nina S.";
            recorder.clear();
            List<Album> albums = session.noAutoflush(() -> session.scalars(select(Album.class)
                    .where(ALBUM_ARTIST.is(nina.id)).options(joinedLoad("artist"))).all());
            assertThat(albums).hasSize(2).allSatisfy(album -> assertThat(album.artist).isSameAs(nina));
            assertThat(nina.name).isEqualTo("Nina S.");
        }
        recorder.assertCount(1);
    }

    // mirrors test_eager_relations.py::SelfReferentialEagerTest::test_basic, along a to-one chain
    @Test
    void joinedLoadOfASelfReferenceJoinsAliasesOfTheSameTable() {
        try (Session session = sessions.open()) {
            Person dev = session.scalars(select(Person.class).where(PERSON_NAME.eq("dev"))
                    .options(joinedLoad("manager").joinedLoad("manager"))).one();
            assertThat(dev.manager.name).isEqualTo("vp");
            assertThat(dev.manager.manager.name).isEqualTo("ceo");
            assertThat(dev.manager.manager.manager).isNull();
        }
        recorder.assertCount(1);
        assertThat(lower(recorder.sql().get(0))).contains("left outer join person").contains("person_1")
                .contains("person_2");
        recorder.clear();
        try (Session session = sessions.open()) {
            Person dev = session.scalars(select(Person.class).where(PERSON_NAME.eq("dev"))
                    .options(joinedLoad("manager"))).one();
            assertThat(dev.manager.manager.name).isEqualTo("ceo");
        }
        // One level joined; the next plain reference is loaded as always, by SELECT ... IN.
        recorder.assertCount(2);
        assertThat(lower(recorder.sql().get(0))).contains("left outer join person");
        assertThat(lower(recorder.sql().get(1))).doesNotContain("join").contains(" in (");
    }

    // mirrors test_eager_relations.py::EagerTest::test_orderby (a joined collection keeps the mapping's order)
    @Test
    void joinedCollectionIsOneStatementInTheMappingsOrder() {
        try (Session session = sessions.open()) {
            List<Artist> artists = session.scalars(select(Artist.class).options(joinedLoad(ARTIST_ALBUMS))
                    .orderBy(ARTIST_NAME)).all();
            assertThat(artists).extracting(artist -> artist.name).containsExactly("Miles", "Nina", "Solo");
            assertThat(artists.get(1).albums).extracting(album -> album.title).containsExactly("Blue", "Wild");
            assertThat(artists.get(2).albums).isEmpty();
            assertThat(artists.get(1).albums.get(0).artist).isSameAs(artists.get(1));
        }
        recorder.assertCount(1);
        assertThat(lower(recorder.sql().get(0))).contains("left outer join album");
    }

    // mirrors test_eager_relations.py::EagerTest::test_limit and ::test_manytoone_limit
    @Test
    void underLimitAJoinedCollectionFallsBackWhileAReferenceStaysJoined() {
        try (Session session = sessions.open()) {
            List<Artist> page = session.scalars(select(Artist.class).options(joinedLoad(ARTIST_ALBUMS))
                    .orderBy(ARTIST_NAME).limit(2)).all();
            assertThat(page).extracting(artist -> artist.name).containsExactly("Miles", "Nina");
            assertThat(page.get(1).albums).extracting(album -> album.title).containsExactly("Blue", "Wild");
            recorder.assertCount(2);
            assertThat(lower(recorder.sql().get(0))).doesNotContain("join");
            assertThat(lower(recorder.sql().get(1))).contains(" in (");
        }
        recorder.clear();
        try (Session session = sessions.open()) {
            List<Album> page = session.scalars(select(Album.class).options(joinedLoad(ALBUM_ARTIST))
                    .orderBy(ALBUM_TITLE).limit(2)).all();
            assertThat(page).extracting(album -> album.artist == null ? null : album.artist.name)
                    .containsExactly("Nina", null);
        }
        recorder.assertCount(1);
        assertThat(lower(recorder.sql().get(0))).contains("left outer join artist");
    }

    // the many-to-one side of test_froms.py::InstancesTest::test_contains_eager_one
    @Test
    void containsEagerFillsAReferenceFromTheQuerysOwnJoin() {
        try (Session session = sessions.open()) {
            List<Album> albums = session.scalars(select(Album.class).join(ALBUM_ARTIST)
                    .where(ARTIST_NAME.eq("Nina")).orderBy(ALBUM_TITLE).options(containsEager(ALBUM_ARTIST))).all();
            assertThat(albums).extracting(album -> album.title).containsExactly("Blue", "Wild");
            assertThat(albums.get(0).artist.name).isEqualTo("Nina");
            assertThat(albums.get(1).artist).isSameAs(albums.get(0).artist);
        }
        recorder.assertCount(1);
        String sql = lower(recorder.sql().get(0));
        assertThat(sql).contains("join artist on").contains("artist.name").doesNotContain("outer")
                .doesNotContain("artist_1");
    }

    // mirrors test_froms.py::InstancesTest::test_contains_eager_one
    @Test
    void containsEagerFillsACollectionFromTheQuerysOuterJoin() {
        try (Session session = sessions.open()) {
            List<Artist> artists = session.scalars(select(Artist.class).outerJoin(ARTIST_ALBUMS)
                    .orderBy(ARTIST_NAME, ALBUM_TITLE).options(containsEager(ARTIST_ALBUMS))).all();
            assertThat(artists).extracting(artist -> artist.name).containsExactly("Miles", "Nina", "Solo");
            assertThat(artists.get(1).albums).extracting(album -> album.title).containsExactly("Blue", "Wild");
            assertThat(artists.get(2).albums).isEmpty();
            assertThat(((PersistentCollection) artists.get(0).albums).isLoaded()).isTrue();
            assertThat(artists.get(1).albums.get(1).artist).isSameAs(artists.get(1));
        }
        recorder.assertCount(1);
        assertThat(lower(recorder.sql().get(0))).contains("left outer join album on").contains("album.title");
    }

    /** The album table as the alias {@code a}, for hand-written joins. */
    private static TableAlias albumAlias() {
        return Sql.alias(TableClause.of("album", ColumnClause.of("artist_id", Types.BIGINT),
                ColumnClause.of("title", Types.string(40))), "a");
    }

    // The collection loaders set each fresh element's back-reference from the owner it was loaded for; an element a
    // hand-written join put under another owner still refers to the owner its foreign key names.
    @Test
    void anElementJoinedToAnotherOwnerKeepsTheReferenceItsForeignKeyNames() {
        TableAlias album = albumAlias();
        try (Session session = sessions.open()) {
            List<Artist> artists = session.scalars(select(Artist.class)
                    .join(album, album.column("artist_id").ne(ARTIST_ID))
                    .where(ARTIST_NAME.eq("Solo"))
                    .options(containsEager(ARTIST_ALBUMS, album))).all();
            assertThat(artists).extracting(artist -> artist.name).containsExactly("Solo");
            List<Album> joined = artists.get(0).albums;
            assertThat(joined).isNotEmpty();
            assertThat(joined).allSatisfy(each -> assertThat(each.artist.name).isNotEqualTo("Solo"));
            assertThat(joined).filteredOn(each -> each.title.equals("Wild"))
                    .allSatisfy(each -> assertThat(each.artist.name).isEqualTo("Nina"));
        }
    }

    // mirrors test_froms.py::InstancesTest::test_contains_eager_aliased
    @Test
    void containsEagerReadsAnAliasAndHoldsWhatTheJoinLetThrough() {
        TableAlias album = albumAlias();
        try (Session session = sessions.open()) {
            List<Artist> artists = session.scalars(select(Artist.class)
                    .join(album, album.column("artist_id").eq(ARTIST_ID))
                    .where(album.column("title").eq("Wild"))
                    .options(containsEager(ARTIST_ALBUMS, album))).all();
            assertThat(artists).extracting(artist -> artist.name).containsExactly("Nina");
            // As in SQLAlchemy, the collection holds the rows the query selected.
            assertThat(artists.get(0).albums).extracting(a -> a.title).containsExactly("Wild");
        }
        recorder.assertCount(1);
        assertThat(lower(recorder.sql().get(0))).contains("a.title");
    }

    @Test
    void containsEagerWithoutTheJoinSaysWhatToDo() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.scalars(select(Album.class).options(containsEager(ALBUM_ARTIST))))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("containsEager(\"artist\")")
                    .hasMessageContaining("does not join artist");
        }
        recorder.assertCount(0);
    }

    // mirrors test_eager_relations.py::EagerTest::test_disable_dynamic's neighbours: lazy and raise are unchanged
    @Test
    void lazyAndRaiseStillWaitForFirstUse() {
        try (Session session = sessions.open()) {
            Artist nina = session.scalars(select(Artist.class).where(ARTIST_NAME.eq("Nina"))
                    .options(raiseLoad(ARTIST_ALBUMS))).one();
            assertThatThrownBy(() -> nina.albums.size()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Artist.albums").hasMessageContaining("RAISE");
        }
        recorder.assertCount(1);
        recorder.clear();
        try (Session session = sessions.open()) {
            Artist miles = session.scalars(select(Artist.class).where(ARTIST_NAME.eq("Miles"))).one();
            recorder.assertCount(1);
            assertThat(miles.albums).extracting(album -> album.title).containsExactly("Kind");
            assertThat(session.lazyLoadCounts()).containsEntry("Artist.albums", 1);
        }
        recorder.assertCount(2);
    }

    /**
     * A select-in load for another number of parents, in another session, compiles nothing: its IN is one expanding
     * parameter and its statement is kept by the session factory (SQLAlchemy's selectin loader caches its query with
     * an expanding {@code primary_keys} parameter the same way).
     */
    @Test
    void aSelectInLoadOfAnyNumberOfParentsHitsTheCompiledCache() {
        try (Session session = sessions.open()) {
            List<Artist> one = session.scalars(select(Artist.class).where(ARTIST_NAME.in("Nina"))
                    .options(selectInLoad(ARTIST_ALBUMS))).all();
            assertThat(one).singleElement().satisfies(artist -> assertThat(artist.albums)
                    .extracting(album -> album.title).containsExactlyInAnyOrder("Wild", "Blue"));
        }
        long misses = engine().compiledCacheStats().misses();
        recorder.clear();
        try (Session session = sessions.open()) {
            List<Artist> three = session.scalars(select(Artist.class).where(ARTIST_NAME.in("Nina", "Miles", "Solo"))
                    .options(selectInLoad(ARTIST_ALBUMS)).orderBy(ARTIST_NAME)).all();
            assertThat(three).extracting(artist -> artist.albums.size()).containsExactly(1, 2, 0);
        }
        recorder.assertCount(2);
        assertThat(lower(recorder.sql().get(1))).contains(" in (?, ?, ?)");
        // The parent query's ORDER BY is a new structure; the select-in statement is not.
        assertThat(engine().compiledCacheStats().misses()).isEqualTo(misses + 1);
    }

    /** A joined load run again in a new session compiles nothing: its statement has the cached structure. */
    @Test
    void aJoinedLoadRunAgainHitsTheCompiledCache() {
        for (int run = 0; run < 2; run++) {
            try (Session session = sessions.open()) {
                session.scalars(select(Album.class).options(joinedLoad(ALBUM_ARTIST)).orderBy(ALBUM_TITLE)).all();
            }
        }
        long misses = engine().compiledCacheStats().misses();
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Album.class).options(joinedLoad(ALBUM_ARTIST)).orderBy(ALBUM_TITLE))
                    .all()).hasSize(4);
        }
        assertThat(engine().compiledCacheStats().misses()).isEqualTo(misses);
    }
}
