package io.mapper.orm.tracking;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionTransaction;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;
import io.mapper.types.Types;

/**
 * A session whose objects all tell it of their writes ({@link TrackedNote}, {@link TrackedTag}: enhanced, nothing a
 * write cannot show) flushes the objects it was told of and does not look at the others (docs/orm.md, "Change
 * tracking"). These pin that such a flush still writes what comparing every object wrote: SQLAlchemy's session keeps
 * the same kind of list ({@code identity_map._modified}, filled by its attribute events), and these mirror
 * {@code test/orm/test_session.py::IsModifiedTest::test_is_modified},
 * {@code test_transaction.py::SavepointTest::test_savepoint_rollback} and
 * {@code test_transaction.py::RollbackRecoverTest::test_rollback_recover}, plus what Java allows and Python does not
 * (the same object added to a second session).
 */
class ChangeLogIT extends BackendTest {

    private static final TableClause NOTE = Attribute.table("tracked_note");
    private static final Attribute<TrackedNote, Long> ID = Attribute.of(TrackedNote.class, "id", NOTE, "id",
            Types.BIGINT);
    private static final Attribute<TrackedNote, String> TITLE = Attribute.of(TrackedNote.class, "title", NOTE,
            "title", Types.string(40));

    private SessionFactory sessions;

    @BeforeEach
    void createNotes() {
        sessions = SessionFactory.builder(engine()).entities(TrackedNote.class, TrackedTag.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            List<TrackedNote> notes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                notes.add(new TrackedNote("note" + i));
            }
            session.addAll(notes);
            session.add(new TrackedTag("red", "Red"));
            session.commit();
        }
        recorder.clear();
    }

    private List<TrackedNote> notes(Session session) {
        return session.scalars(select(TrackedNote.class).orderBy(ID)).all();
    }

    private List<String> strings(String sql) {
        try (io.mapper.engine.Connection conn = engine().connect()) {
            return conn.execute(io.mapper.sql.Sql.text(sql)).scalars().all().stream().map(String::valueOf).toList();
        }
    }

    private List<String> updates() {
        return recorder.sql().stream().filter(sql -> sql.startsWith("UPDATE")).toList();
    }

    @Test
    void theWrittenObjectsAreFlushedWhicheverWayTheyWereWritten() {
        try (Session session = sessions.open()) {
            List<TrackedNote> notes = notes(session);
            notes.get(3).setTitle("third");
            notes.get(17).star();
            recorder.clear();
            session.flush();
            assertThat(updates()).hasSize(2);
            assertThat(notes.get(3).getVersion()).isEqualTo(2);
            assertThat(notes.get(4).getVersion()).isEqualTo(1);
            session.commit();
        }
        assertThat(strings("SELECT title FROM tracked_note WHERE stars = 1")).containsExactly("note17");
        assertThat(strings("SELECT id FROM tracked_note WHERE title = 'third'")).hasSize(1);
        assertThat(strings("SELECT COUNT(*) FROM tracked_note WHERE version = 2")).containsExactly("2");
    }

    /** Mirrors test_is_modified: the same value is no change; a flushed object is clean; a later write is seen. */
    @Test
    void anObjectIsFlushedOncePerWrite() {
        try (Session session = sessions.open()) {
            TrackedNote note = notes(session).get(0);
            note.setTitle("note0");
            assertThat(session.isModified(note)).isFalse();
            recorder.clear();
            session.flush();
            assertThat(updates()).isEmpty();
            note.setTitle("first");
            assertThat(session.isModified(note)).isTrue();
            session.flush();
            assertThat(session.isModified(note)).isFalse();
            recorder.clear();
            session.flush();
            assertThat(updates()).as("written once").isEmpty();
            note.setTitle("second");
            session.flush();
            assertThat(updates()).hasSize(1);
            session.commit();
        }
        assertThat(strings("SELECT title FROM tracked_note ORDER BY id").get(0)).isEqualTo("second");
    }

    /**
     * A write the enhancer cannot see (reflection) is not flushed, as docs/orm.md says; {@code flagDirty} makes the
     * next flush compare the object (mirrors {@code test_attributes.py::HistoryTest::test_mark_dirty_no_attr}: the
     * flag makes the object modified), and an unchanged one flagged writes nothing.
     */
    @Test
    void flagDirtyMakesTheFlushCompareAnObjectWrittenUnseen() throws Exception {
        java.lang.reflect.Field title = TrackedNote.class.getDeclaredField("title");
        title.setAccessible(true);
        try (Session session = sessions.open()) {
            List<TrackedNote> notes = notes(session);
            title.set(notes.get(5), "set through reflection");
            recorder.clear();
            session.flush();
            assertThat(updates()).as("a write the enhancer cannot see").isEmpty();
            session.flagDirty(notes.get(5));
            session.flagDirty(notes.get(6));
            session.flush();
            assertThat(updates()).hasSize(1);
            session.commit();
        }
        assertThat(strings("SELECT COUNT(*) FROM tracked_note WHERE title = 'set through reflection'"))
                .containsExactly("1");
        try (Session session = sessions.open()) {
            TrackedNote stranger = new TrackedNote("not added");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.flagDirty(stranger))
                    .hasMessageContaining("is not in this session");
        }
    }

    @Test
    void aNewObjectIsComparedAfterItsInsertUntilItAgrees() {
        try (Session session = sessions.open()) {
            notes(session);
            TrackedNote added = new TrackedNote("added");
            session.add(added);
            session.flush();
            added.setTitle("changed after its insert");
            recorder.clear();
            session.flush();
            assertThat(updates()).hasSize(1);
            recorder.clear();
            session.flush();
            assertThat(updates()).isEmpty();
            session.commit();
        }
        assertThat(strings("SELECT COUNT(*) FROM tracked_note WHERE title = 'changed after its insert'"))
                .containsExactly("1");
    }

    /** Mirrors test_savepoint_rollback: the savepoint's writes are undone, in memory and in the database. */
    @Test
    void aSavepointRolledBackUndoesItsWritesAndTheOthersStay() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            List<TrackedNote> notes = notes(session);
            notes.get(0).setTitle("before");
            SessionTransaction savepoint = session.beginNested();
            notes.get(0).setTitle("inside");
            notes.get(1).setTitle("inside too");
            session.flush();
            savepoint.rollback();
            assertThat(notes.get(0).getTitle()).isEqualTo("before");
            assertThat(notes.get(1).getTitle()).isEqualTo("note1");
            notes.get(2).setTitle("after");
            session.commit();
        }
        assertThat(strings("SELECT title FROM tracked_note ORDER BY id").subList(0, 4))
                .containsExactly("before", "note1", "after", "note3");
    }

    /** Mirrors test_rollback_recover: after a rollback the objects reload, and new writes are flushed. */
    @Test
    void writesAfterARollbackAreFlushed() {
        try (Session session = sessions.open()) {
            List<TrackedNote> notes = notes(session);
            notes.get(5).setTitle("rolled back");
            session.flush();
            session.rollback();
            notes = notes(session);
            assertThat(notes.get(5).getTitle()).isEqualTo("note5");
            notes.get(6).setTitle("kept");
            recorder.clear();
            session.commit();
            assertThat(updates()).hasSize(1);
        }
        assertThat(strings("SELECT title FROM tracked_note ORDER BY id").subList(5, 7))
                .containsExactly("note5", "kept");
    }

    @Test
    void refreshAndBulkUpdatesLeaveObjectsCleanAndLaterWritesAreSeen() {
        try (Session session = sessions.open()) {
            List<TrackedNote> notes = notes(session);
            notes.get(1).setTitle("discarded");
            session.refresh(notes.get(1));
            session.execute(update(TrackedNote.class).set(TITLE, "bulk").where(ID.eq(notes.get(2).getId())));
            recorder.clear();
            session.flush();
            assertThat(updates()).isEmpty();
            notes.get(1).star();
            notes.get(2).star();
            session.commit();
            assertThat(updates()).as("one batch of both rows").hasSize(1);
            assertThat(recorder.statements()).filteredOn(each -> each.sql().startsWith("UPDATE"))
                    .extracting(each -> each.batchSize()).containsExactly(2);
        }
        assertThat(strings("SELECT title FROM tracked_note WHERE stars = 1 ORDER BY id")).containsExactly("note1",
                "bulk");
    }

    @Test
    void anObjectLetGoIsNotFlushedAndAClosedSessionHearsNothing() {
        TrackedNote kept;
        try (Session session = sessions.open()) {
            List<TrackedNote> notes = notes(session);
            session.expunge(notes.get(0));
            notes.get(0).setTitle("expunged");
            kept = notes.get(1);
            recorder.clear();
            session.commit();
            assertThat(updates()).isEmpty();
        }
        kept.setTitle("after close");     // the closed session's records no longer listen
        try (Session session = sessions.open()) {
            TrackedNote merged = session.merge(kept);
            assertThat(merged.getTitle()).isEqualTo("after close");
            session.commit();
        }
        assertThat(strings("SELECT title FROM tracked_note ORDER BY id").subList(0, 2))
                .containsExactly("note0", "after close");
    }

    /**
     * Java lets one object be in two sessions (SQLAlchemy refuses): the second session takes its writes over, and the
     * first then compares every object again, so it still flushes a write it was not told of.
     */
    @Test
    void aSessionWhoseObjectAnotherSessionTookOverComparesEverything() {
        try (Session first = sessions.open(); Session second = sessions.open()) {
            TrackedTag red = first.get(TrackedTag.class, "red");
            second.add(red);                 // pending there: the second session now hears red's writes
            red.setLabel("Crimson");
            recorder.clear();
            first.flush();
            assertThat(updates()).containsExactly("UPDATE tracked_tag SET label = ? WHERE tracked_tag.code = ?");
            first.commit();
            second.expunge(red);
        }
        assertThat(strings("SELECT label FROM tracked_tag")).containsExactly("Crimson");
    }
}
