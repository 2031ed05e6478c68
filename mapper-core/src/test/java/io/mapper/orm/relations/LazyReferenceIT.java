package io.mapper.orm.relations;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.DetachedInstanceException;
import io.mapper.orm.Ref;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.testing.BackendTest;

/** To-one references declared as Ref holders load on first get(), on every backend. */
class LazyReferenceIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void fill() {
        sessions = SessionFactory.builder(engine()).entities(Owner.class, Mail.class, Node.class, Item.class,
                Label.class, Basket.class, Line.class, Note.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Owner ann = new Owner("ann");
            Owner bob = new Owner("bob");
            session.addAll(List.of(new Note("n1", ann), new Note("n2", ann), new Note("n3", bob)));
            session.commit();
        }
        recorder.clear();
    }

    @Test
    void referencesLoadOnFirstGetAndFromTheIdentityMapWhenPossible() {
        try (Session session = sessions.open()) {
            List<Note> notes = session.scalars(select(Note.class)).all();
            assertThat(recorder.count()).isEqualTo(1);
            assertThat(notes).allSatisfy(note -> assertThat(note.author.isLoaded()).isFalse());
            assertThat(notes.get(0).author.get().name).isEqualTo("ann");
            assertThat(notes.get(1).author.get()).isSameAs(notes.get(0).author.get());
            assertThat(notes.get(2).author.get().name).isEqualTo("bob");
            // One load per distinct author (each also loads the author's mails, SELECT_IN by default: 2 statements);
            // the second note's author came from the identity map.
            assertThat(recorder.count()).isEqualTo(1 + 2 * 2);
            assertThat(session.lazyLoadCounts()).containsEntry("Note.author", 2);
        }
    }

    @Test
    void aSelectInOptionLoadsThemWithTheQuery() {
        try (Session session = sessions.open()) {
            List<Note> notes = session.scalars(select(Note.class).options(selectInLoad("author"))).all();
            assertThat(notes).allSatisfy(note -> assertThat(note.author.isLoaded()).isTrue());
            assertThat(notes).extracting(note -> note.author.get().name).containsExactlyInAnyOrder("ann", "ann",
                    "bob");
        }
        // The notes, their authors in one IN query, and the authors' mails (SELECT_IN by default).
        recorder.assertCount(3);
    }

    @Test
    void anUnloadedReferenceOfADetachedObjectSaysWhatToDo() {
        Note note;
        try (Session session = sessions.open()) {
            note = session.scalars(select(Note.class)).all().get(0);
        }
        assertThat(note.author.id()).isNotNull();
        assertThatThrownBy(() -> note.author.get()).isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("Note.author").hasMessageContaining("selectInLoad(\"author\")");
    }

    @Test
    void changingAReferenceWritesTheForeignKey() {
        try (Session session = sessions.open()) {
            Owner cid = new Owner("cid");
            session.add(cid);
            Note note = session.query(Note.class).filterBy("text", "n3").one();
            note.author.set(cid);
            session.commit();
        }
        try (Session session = sessions.open()) {
            Note note = session.query(Note.class).filterBy("text", "n3").one();
            assertThat(note.author.get().name).isEqualTo("cid");
            assertThat(Ref.of(note.author.get())).isEqualTo(Ref.of(note.author.get()));
        }
    }

    /**
     * A loaded, unchanged reference to an object marked for deletion is refused at flush, naming the fix, and the
     * flush writes nothing: the target found through the identity map by the reference's key is the deleted one.
     */
    @Test
    void anUnchangedReferenceToADeletedObjectIsRefusedAtFlush() {
        try (Session session = sessions.open()) {
            Note note = session.scalars(select(Note.class).options(selectInLoad("author")))
                    .all().stream().filter(each -> each.text.equals("n3")).findFirst().orElseThrow();
            Owner bob = note.author.get();
            session.delete(bob);
            recorder.clear();
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Note.author").hasMessageContaining("marked for deletion")
                    .hasMessageContaining("Point the reference elsewhere");
            recorder.assertCount(0);
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(Owner.class).count()).isEqualTo(2);
        }
    }

    /** Pointing the reference elsewhere first lets the same delete go through, in one flush. */
    @Test
    void aReferenceMovedOffADeletedObjectLetsTheDeleteThrough() {
        try (Session session = sessions.open()) {
            Note note = session.query(Note.class).filterBy("text", "n3").one();
            Owner bob = note.author.get();
            Owner ann = session.query(Owner.class).filterBy("name", "ann").one();
            note.author.set(ann);
            session.delete(bob);
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(Owner.class).count()).isEqualTo(1);
            assertThat(session.query(Note.class).filterBy("text", "n3").one().author.get().name).isEqualTo("ann");
        }
    }
}
