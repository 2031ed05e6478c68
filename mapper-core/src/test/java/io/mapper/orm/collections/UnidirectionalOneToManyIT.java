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
import io.mapper.orm.Attribute;
import io.mapper.orm.Relation;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.testing.SqlRecorder;
import io.mapper.types.Types;

/**
 * Unidirectional one-to-many ({@code @OneToMany @JoinColumn}, no {@code mappedBy}): the foreign key column is in the
 * element's table, written by the flush from the collection, and every loading strategy reads it. Mirrors
 * SQLAlchemy's test/orm/test_unitofworkv2.py, where {@code relationship(Address)} has no backref.
 */
class UnidirectionalOneToManyIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine())
                .entities(Shelf.class, Book.class, Album.class, Song.class, Folder.class).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private List<String> rows(String sql) {
        try (Session session = sessions.open()) {
            List<String> rows = new ArrayList<>();
            for (Row row : session.execute(Sql.text(sql)).all()) {
                rows.add(row.get(0) + "@" + row.get(1));
            }
            return rows;
        }
    }

    private List<SqlRecorder.Recorded> writes() {
        return recorder.statements().stream().filter(recorded -> !recorded.sql().startsWith("SELECT")
                || recorded.sql().contains("INSERT")).toList();
    }

    private long shelf(String... titles) {
        try (Session session = sessions.open()) {
            Shelf shelf = new Shelf("fiction");
            for (String title : titles) {
                shelf.books.add(new Book(title));
            }
            session.add(shelf);
            session.commit();
            recorder.clear();
            return shelf.id;
        }
    }

    /** mirrors test/orm/test_unitofworkv2.py::RudimentaryFlushTest::test_one_to_many_save */
    @Test
    void newChildrenAreInsertedWithTheOwnersKey() {
        long id = shelf("a1", "a2");
        assertThat(rows("SELECT title, shelf_id FROM book ORDER BY title")).containsExactly("a1@" + id, "a2@" + id);
        try (Session session = sessions.open()) {
            Shelf shelf = new Shelf("poetry");
            shelf.books.add(new Book("b1"));
            session.add(shelf);
            recorder.clear();
            session.commit();
            List<String> writes = writes().stream().map(SqlRecorder.Recorded::sql).toList();
            assertThat(writes).hasSize(2);
            assertThat(writes.get(0)).contains("INSERT INTO shelf (label)");
            assertThat(writes.get(1)).contains("INSERT INTO book (title, shelf_id)");
            assertThat(rows("SELECT title, shelf_id FROM book WHERE title = 'b1'")).containsExactly("b1@" + shelf.id);
        }
    }

    /** mirrors test/orm/test_unitofworkv2.py::RudimentaryFlushTest::test_one_to_many_delete_parent */
    @Test
    void deletingTheOwnerWithoutCascadeSetsTheChildrensKeyToNull() {
        long id = shelf("a1", "a2");
        try (Session session = sessions.open()) {
            Shelf owner = session.get(Shelf.class, id);
            recorder.clear();
            session.delete(owner);    // its collection came with it (SELECT_IN, the collections' default)
            session.commit();
            assertThat(recorder.sql()).containsExactly(
                    "UPDATE book SET shelf_id = ? WHERE book.id = ?",
                    "DELETE FROM shelf WHERE shelf.id = ?");
            assertThat(recorder.statements().get(0).batchSize()).isEqualTo(2);
        }
        assertThat(rows("SELECT title, shelf_id FROM book ORDER BY title")).containsExactly("a1@null", "a2@null");
    }

    /** mirrors test/orm/test_unitofworkv2.py::RudimentaryFlushTest::test_one_to_many_delete_all */
    @Test
    void deletingTheOwnerWithTheDeleteCascadeDeletesTheChildrenFirst() {
        long id;
        try (Session session = sessions.open()) {
            Album album = new Album("blue");
            album.songs.add(new Song("s1"));
            album.songs.add(new Song("s2"));
            session.add(album);
            session.commit();
            id = album.id;
        }
        try (Session session = sessions.open()) {
            Album owner = session.get(Album.class, id);
            recorder.clear();
            session.delete(owner);    // its collection came with it (SELECT_IN, the collections' default)
            session.commit();
            assertThat(recorder.sql()).containsExactly(
                    "DELETE FROM song WHERE song.id = ?",
                    "DELETE FROM album WHERE album.id = ?");
        }
        assertThat(rows("SELECT COUNT(*), 0 FROM song")).containsExactly("0@0");
    }

    @Test
    void aRemovedChildKeepsItsRowWithANullKeyAndAnOrphanIsDeleted() {
        long id = shelf("a1", "a2");
        try (Session session = sessions.open()) {
            Shelf shelf = session.get(Shelf.class, id);
            shelf.books.removeIf(book -> book.title.equals("a1"));
            recorder.clear();
            session.commit();
            assertThat(writes()).extracting(SqlRecorder.Recorded::sql)
                    .containsExactly("UPDATE book SET shelf_id = ? WHERE book.id = ?");
        }
        assertThat(rows("SELECT title, shelf_id FROM book ORDER BY title")).containsExactly("a1@null", "a2@" + id);

        long albumId;
        try (Session session = sessions.open()) {
            Album album = new Album("red");
            album.songs.add(new Song("s1"));
            album.songs.add(new Song("s2"));
            album.songs.add(new Song("s3"));
            session.add(album);
            session.commit();
            albumId = album.id;
        }
        try (Session session = sessions.open()) {
            Album album = session.get(Album.class, albumId);
            album.songs.remove(0);
            recorder.clear();
            session.commit();
            // the orphan is deleted (DELETE_ORPHAN); the others move up one place
            assertThat(writes()).extracting(SqlRecorder.Recorded::sql).containsExactly(
                    "UPDATE song SET track_no = ? WHERE song.id = ?",
                    "DELETE FROM song WHERE song.id = ?");
        }
        assertThat(rows("SELECT title, track_no FROM song ORDER BY track_no")).containsExactly("s2@0", "s3@1");
    }

    @Test
    void movingAChildToAnotherOwnerWritesOnlyTheNewKey() {
        long first = shelf("a1");
        long second = shelf();
        try (Session session = sessions.open()) {
            Shelf from = session.get(Shelf.class, first);
            Shelf to = session.get(Shelf.class, second);
            Book book = from.books.iterator().next();
            to.books.add(book);
            from.books.remove(book);
            recorder.clear();
            session.commit();
            SqlRecorder.Recorded update = writes().get(0);
            assertThat(writes()).hasSize(1);
            assertThat(update.sql()).isEqualTo("UPDATE book SET shelf_id = ? WHERE book.id = ?");
            assertThat(((Number) update.parameters().get(0)).longValue()).isEqualTo(second);
        }
        assertThat(rows("SELECT title, shelf_id FROM book")).containsExactly("a1@" + second);
    }

    @Test
    void addingAPersistentChildToANewOwnerUpdatesItAfterTheOwnersInsert() {
        long id = shelf("a1");
        try (Session session = sessions.open()) {
            Book book = session.get(Shelf.class, id).books.iterator().next();
            session.get(Shelf.class, id).books.clear();
            Shelf shelf = new Shelf("new");
            shelf.books.add(book);
            session.add(shelf);
            recorder.clear();
            session.commit();
            List<String> writes = writes().stream().map(SqlRecorder.Recorded::sql).toList();
            assertThat(writes).hasSize(2);
            assertThat(writes.get(0)).contains("INSERT INTO shelf (label)");
            assertThat(writes.get(1)).isEqualTo("UPDATE book SET shelf_id = ? WHERE book.id = ?");
            assertThat(rows("SELECT title, shelf_id FROM book")).containsExactly("a1@" + shelf.id);
        }
    }

    /** mirrors test/orm/test_unitofworkv2.py::SingleCycleTest::test_one_to_many_save */
    @Test
    void aSelfReferentialTreeIsInsertedParentsFirst() {
        long rootId;
        try (Session session = sessions.open()) {
            Folder root = new Folder("n1");
            root.children.add(new Folder("n2"));
            root.children.add(new Folder("n3"));
            root.children.get(0).children.add(new Folder("n4"));
            session.add(root);
            session.commit();
            List<String> writes = writes().stream().map(SqlRecorder.Recorded::sql).toList();
            // one statement (or batch) per level, each child inserted with its parent's key: no UPDATE
            assertThat(writes).hasSize(3).allSatisfy(sql -> assertThat(sql).contains("INSERT INTO folder"));
            rootId = root.id;
        }
        assertThat(rows("SELECT f.name, p.name FROM folder f LEFT OUTER JOIN folder p ON p.id = f.parent_id "
                + "ORDER BY f.name")).containsExactly("n1@null", "n2@n1", "n3@n1", "n4@n2");
        try (Session session = sessions.open()) {
            Folder root = session.get(Folder.class, rootId);
            assertThat(root.children).extracting(folder -> folder.name).containsExactly("n2", "n3");
            assertThat(root.children.get(0).children).extracting(folder -> folder.name).containsExactly("n4");
            session.delete(root);
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).filteredOn(sql -> sql.startsWith("DELETE"))
                    .containsExactly("DELETE FROM folder WHERE folder.id = ?", "DELETE FROM folder WHERE folder.id = ?",
                            "DELETE FROM folder WHERE folder.id = ?");
        }
        assertThat(rows("SELECT COUNT(*), 0 FROM folder")).containsExactly("0@0");
    }

    @Test
    void everyLoadingStrategyReadsTheJoinColumn() {
        shelf("a1", "a2");
        shelf("b1");
        try (Session session = sessions.open()) {
            recorder.clear();
            List<Shelf> shelves = session.scalars(select(Shelf.class).options(selectInLoad("books"))).all();
            assertThat(shelves.get(0).books).extracting(book -> book.title).containsExactly("a1", "a2");
            assertThat(shelves.get(1).books).extracting(book -> book.title).containsExactly("b1");
            assertThat(recorder.sql()).containsExactly("SELECT shelf.id, shelf.label FROM shelf",
                    "SELECT book.id, book.title, book.shelf_id FROM book WHERE book.shelf_id IN (?, ?) "
                    + "ORDER BY book.id");
        }
        try (Session session = sessions.open()) {
            recorder.clear();
            Shelf shelf = session.scalars(select(Shelf.class).options(joinedLoad("books"))).all().get(0);
            assertThat(shelf.books).extracting(book -> book.title).containsExactly("a1", "a2");
            assertThat(recorder.sql()).hasSize(1);
            assertThat(recorder.sql().get(0)).startsWith("SELECT shelf.id, shelf.label, book_1.id, book_1.title, "
                    + "book_1.shelf_id FROM shelf LEFT OUTER JOIN book AS book_1 ON book_1.shelf_id = shelf.id "
                    + "ORDER BY shelf.id, book_1.id");
        }
        try (Session session = sessions.open()) {
            Shelf shelf = session.scalars(select(Shelf.class).options(lazyLoad("books"))).all().get(0);
            recorder.clear();
            assertThat(shelf.books).extracting(book -> book.title).containsExactly("a1", "a2");
            assertThat(recorder.sql()).containsExactly("SELECT book.id, book.title, book.shelf_id FROM book "
                    + "WHERE book.shelf_id IN (?) ORDER BY book.id");
        }
    }

    @Test
    void queriesAlongTheRelationshipUseTheJoinColumn() {
        shelf("a1", "a2");
        Relation<Shelf, Book> books = Relation.of(Shelf.class, "books", Book.class);
        Attribute<Book, String> title = Attribute.of(Book.class, "title",
                Attribute.table("book"), "title", Types.string(40));
        try (Session session = sessions.open()) {
            recorder.clear();
            assertThat(session.scalars(select(Shelf.class).where(books.any(title.eq("a2")))).all()).hasSize(1);
            assertThat(recorder.sql().get(0)).contains("EXISTS (SELECT").contains("book.shelf_id = shelf.id");
            recorder.clear();
            assertThat(session.scalars(select(Shelf.class).join(books).where(title.eq("a1"))).all()).hasSize(1);
            assertThat(recorder.sql().get(0)).contains("JOIN book ON book.shelf_id = shelf.id");
        }
    }

    @Test
    void theJoinColumnIsAForeignKeyOfTheChildsTable() {
        var column = sessions.metadata().table("book").column("shelf_id");
        assertThat(column.isNullable()).isTrue();
        assertThat(column.references()).contains("shelf.id");
    }
}
