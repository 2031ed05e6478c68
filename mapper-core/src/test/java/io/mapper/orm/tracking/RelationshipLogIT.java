package io.mapper.orm.tracking;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * A session whose objects have relationships and are all of enhanced classes ({@link TrackedShelf},
 * {@link TrackedBook}, {@link TrackedTag}) flushes only the objects it was told of: a written field (a reference or
 * a collection assigned included) or a change to one of mapper's collections (docs/orm.md, "Change tracking").
 * These pin that such a flush writes what comparing every object wrote. They mirror SQLAlchemy's
 * {@code test/orm/test_unitofworkv2.py::RudimentaryFlushTest} ({@code test_one_to_many_save},
 * {@code test_one_to_many_delete_parent}, {@code test_many_to_many}) and
 * {@code test/orm/test_backref_mutations.py::O2MCollectionTest} ({@code test_collection_move_preloaded},
 * {@code test_collection_move_notloaded}, {@code test_straight_remove}, {@code test_bulk_replace}), on loaded objects
 * the session was not otherwise told of.
 */
class RelationshipLogIT extends BackendTest {

    private static final TableClause SHELF = Attribute.table("tracked_shelf");
    private static final Attribute<TrackedShelf, Long> SHELF_ID = Attribute.of(TrackedShelf.class, "id", SHELF, "id",
            Types.BIGINT);

    private SessionFactory sessions;
    private long firstShelf;

    @BeforeEach
    void createShelves() {
        sessions = SessionFactory.builder(engine())
                .entities(TrackedShelf.class, TrackedBook.class, TrackedTag.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            TrackedTag red = new TrackedTag("red", "Red");
            TrackedTag blue = new TrackedTag("blue", "Blue");
            for (int s = 0; s < 5; s++) {
                TrackedShelf shelf = new TrackedShelf("shelf" + s);
                for (int b = 0; b < 3; b++) {
                    TrackedBook book = new TrackedBook("book" + s + "." + b);
                    book.setShelf(shelf);
                    shelf.getBooks().add(book);
                }
                shelf.getTags().add(s % 2 == 0 ? red : blue);
                session.add(shelf);
            }
            session.commit();
        }
        try (Session session = sessions.open()) {
            firstShelf = shelves(session).get(0).getId();
        }
        recorder.clear();
    }

    private static List<TrackedShelf> shelves(Session session) {
        return session.scalars(select(TrackedShelf.class).orderBy(SHELF_ID)
                .options(selectInLoad("books"), selectInLoad("tags"))).all();
    }

    /** Each shelf's name and its books' titles, in a new session: what the database holds. */
    private List<String> stored() {
        try (Session session = sessions.open()) {
            List<String> result = new ArrayList<>();
            for (TrackedShelf shelf : shelves(session)) {
                List<String> titles = new ArrayList<>();
                for (TrackedBook book : shelf.getBooks()) {
                    titles.add(book.getTitle());
                }
                titles.sort(null);
                List<String> tags = new ArrayList<>();
                for (TrackedTag tag : shelf.getTags()) {
                    tags.add(tag.getCode());
                }
                tags.sort(null);
                result.add(shelf.getName() + titles + tags);
            }
            return result;
        }
    }

    private List<String> writes() {
        return recorder.sql().stream()
                .filter(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE") || sql.startsWith("DELETE"))
                .toList();
    }

    private static TrackedBook book(TrackedShelf shelf, int index) {
        return shelf.getBooks().get(index);
    }

    @Test
    void theFlushDoesNotLookAtALoadedGraphNobodyChanged() {
        try (Session session = sessions.open()) {
            List<TrackedShelf> shelves = shelves(session);
            assertThat(shelves).hasSize(5);
            TrackedShelf.resetReads();
            TrackedBook.resetReads();
            recorder.clear();
            session.flush();
            assertThat(TrackedShelf.reads).as("collection reads by the flush").isZero();
            assertThat(TrackedBook.reads).as("reference reads by the flush").isZero();
            assertThat(session.isModified(shelves.get(0))).isFalse();
            shelves.get(1).setName("renamed");
            TrackedShelf.resetReads();
            session.commit();
            assertThat(TrackedShelf.reads).as("the written shelf's collections, not every shelf's").isLessThan(5);
            assertThat(writes()).hasSize(1);
        }
        assertThat(stored().get(1)).startsWith("renamed[");
    }

    /**
     * A commit expires every object; a query that loads them again refills them, and the next flush still looks at
     * none of them (their fields were refilled from the rows their snapshots hold).
     */
    @Test
    void objectsReloadedAfterACommitAreNotLookedAtByTheNextFlush() {
        try (Session session = sessions.open()) {
            List<TrackedShelf> shelves = shelves(session);
            session.commit();
            List<TrackedShelf> again = shelves(session);
            assertThat(again.get(0)).isSameAs(shelves.get(0));
            TrackedShelf.resetReads();
            session.flush();
            assertThat(TrackedShelf.reads).as("collection reads by the flush").isZero();
            again.get(2).setName("after reload");
            session.commit();
        }
        assertThat(stored().get(2)).startsWith("after reload[");
    }

    /** Mirrors test_one_to_many_save: an element appended to a loaded parent's collection is inserted with its key. */
    @Test
    void anElementAddedToALoadedCollectionIsInserted() {
        try (Session session = sessions.open()) {
            TrackedShelf shelf = shelves(session).get(2);
            shelf.getBooks().add(new TrackedBook("added"));
            session.commit();
        }
        assertThat(stored().get(2)).isEqualTo("shelf2[added, book2.0, book2.1, book2.2][red]");
    }

    /** Mirrors test_straight_remove: an element removed from a loaded collection loses its reference and key. */
    @Test
    void anElementRemovedFromALoadedCollectionLosesItsKey() {
        try (Session session = sessions.open()) {
            TrackedShelf shelf = shelves(session).get(0);
            TrackedBook removed = book(shelf, 2);
            shelf.getBooks().remove(2);
            assertThat(removed.getShelf()).isNull();
            Iterator<TrackedBook> books = shelves(session).get(1).getBooks().iterator();
            books.next();
            books.remove();    // through the iterator: the collection still tells the session
            session.commit();
        }
        assertThat(stored()).startsWith("shelf0[book0.0, book0.1][red]", "shelf1[book1.1, book1.2][blue]");
    }

    /**
     * Mirrors test_collection_move_preloaded: appending an element to another loaded collection moves it (its
     * reference and its previous owner's collection follow), and the move is written.
     */
    @Test
    void anElementMovedBetweenLoadedCollectionsIsWritten() {
        try (Session session = sessions.open()) {
            List<TrackedShelf> shelves = shelves(session);
            TrackedBook moved = book(shelves.get(0), 0);
            shelves.get(3).getBooks().add(moved);
            assertThat(moved.getShelf()).isSameAs(shelves.get(3));
            assertThat(shelves.get(0).getBooks()).doesNotContain(moved);
            session.commit();
        }
        assertThat(stored().get(0)).isEqualTo("shelf0[book0.1, book0.2][red]");
        assertThat(stored().get(3)).isEqualTo("shelf3[book0.0, book3.0, book3.1, book3.2][blue]");
    }

    /** Mirrors test_collection_move_notloaded: a reference set on an element whose owners' collections are not loaded. */
    @Test
    void aReferenceChangedWithTheCollectionsNotLoadedIsWritten() {
        try (Session session = sessions.open()) {
            List<TrackedShelf> shelves = session.scalars(select(TrackedShelf.class).orderBy(SHELF_ID)).all();
            TrackedBook book = session.scalars(select(TrackedBook.class)).all().stream()
                    .filter(each -> each.getTitle().equals("book4.1")).findFirst().orElseThrow();
            book.setShelf(shelves.get(1));
            session.commit();
        }
        assertThat(stored().get(1)).isEqualTo("shelf1[book1.0, book1.1, book1.2, book4.1][blue]");
        assertThat(stored().get(4)).isEqualTo("shelf4[book4.0, book4.2][red]");
    }

    /**
     * Mirrors test_bulk_replace: a collection assigned anew is written, and so is a later change made in place to
     * the list the application assigned (a plain list, which tells nobody of its changes until mapper replaces it).
     */
    @Test
    void anAssignedCollectionAndItsLaterChangesAreWritten() {
        try (Session session = sessions.open()) {
            TrackedShelf shelf = shelves(session).get(1);
            List<TrackedBook> same = new ArrayList<>(shelf.getBooks());
            shelf.setBooks(same);    // the same elements: nothing to write, but the list is the application's
            session.flush();
            same.remove(0);
            session.flush();
            List<TrackedBook> current = shelf.getBooks();
            current.add(new TrackedBook("late"));
            session.commit();
        }
        assertThat(stored().get(1)).isEqualTo("shelf1[book1.1, book1.2, late][blue]");
    }

    /** An unloaded (lazy) collection changed: it loads, and the change is written. */
    @Test
    void aLazyCollectionChangedIsWritten() {
        try (Session session = sessions.open()) {
            TrackedShelf shelf = session.get(TrackedShelf.class, firstShelf);
            shelf.getBooks().add(new TrackedBook("lazy"));
            session.commit();
        }
        assertThat(stored().get(0)).isEqualTo("shelf0[book0.0, book0.1, book0.2, lazy][red]");
    }

    /** Mirrors test_many_to_many: links added to and taken from loaded collections are written. */
    @Test
    void manyToManyLinksChangedOnLoadedObjectsAreWritten() {
        try (Session session = sessions.open()) {
            List<TrackedShelf> shelves = shelves(session);
            TrackedTag red = shelves.get(0).getTags().get(0);
            shelves.get(1).getTags().add(red);
            shelves.get(2).getTags().remove(red);
            session.commit();
        }
        List<String> stored = stored();
        assertThat(stored.get(1)).endsWith("[blue, red]");
        assertThat(stored.get(2)).endsWith("[]");
        assertThat(stored.get(0)).endsWith("[red]");
    }

    /**
     * Mirrors test_one_to_many_delete_parent: deleting a parent whose loaded children nobody changed sets their
     * keys to null (the flush then looks at every object: the references to a deleted object are found that way).
     */
    @Test
    void deletingAParentClearsTheKeysOfItsUntouchedChildren() {
        try (Session session = sessions.open()) {
            List<TrackedShelf> shelves = shelves(session);
            session.delete(shelves.get(0));
            session.commit();
        }
        assertThat(stored()).hasSize(4);
        try (Session session = sessions.open()) {
            long orphans = session.scalars(select(TrackedBook.class)).all().stream()
                    .filter(book -> book.getShelf() == null).count();
            assertThat(orphans).isEqualTo(3);
        }
    }

    /** Mirrors test_rollback_recover: a collection change rolled back is undone, and a later one is written. */
    @Test
    void aCollectionChangeRolledBackIsUndoneAndALaterOneIsWritten() {
        try (Session session = sessions.open()) {
            TrackedShelf shelf = shelves(session).get(3);
            shelf.getBooks().add(new TrackedBook("rolled back"));
            session.flush();
            session.rollback();
            assertThat(stored().get(3)).isEqualTo("shelf3[book3.0, book3.1, book3.2][blue]");
            shelf = shelves(session).get(3);
            shelf.getBooks().remove(0);
            session.commit();
        }
        assertThat(stored().get(3)).isEqualTo("shelf3[book3.1, book3.2][blue]");
    }

    /** After a flush that failed and its rollback, collection changes are written again. */
    @Test
    void collectionChangesAfterAFailedFlushAreWritten() {
        try (Session session = sessions.open()) {
            List<TrackedShelf> shelves = shelves(session);
            TrackedBook broken = new TrackedBook(null);    // title is NOT NULL: its INSERT fails
            shelves.get(4).getBooks().add(broken);
            shelves.get(2).getBooks().remove(0);
            assertThatThrownBy(session::flush).isInstanceOf(RuntimeException.class);
            session.rollback();
            shelves = shelves(session);
            shelves.get(2).getBooks().remove(0);
            TrackedBook fixed = new TrackedBook("fixed");
            shelves.get(4).getBooks().add(fixed);
            session.commit();
        }
        assertThat(stored().get(2)).isEqualTo("shelf2[book2.1, book2.2][red]");
        assertThat(stored().get(4)).isEqualTo("shelf4[book4.0, book4.1, book4.2, fixed][red]");
    }

    /**
     * An object let go of and changed in a collection only it knows of (a many-to-many without an inverse side) tells
     * nobody; merged back, the change is written.
     */
    @Test
    void aCollectionChangedWhileDetachedIsWrittenWhenMergedBack() {
        try (Session session = sessions.open()) {
            TrackedShelf shelf = shelves(session).get(1);
            session.expunge(shelf);
            shelf.getTags().remove(0);
            session.flush();
            assertThat(stored().get(1)).endsWith("[blue]");
            session.merge(shelf);
            session.commit();
        }
        assertThat(stored().get(1)).isEqualTo("shelf1[book1.0, book1.1, book1.2][]");
    }
}
