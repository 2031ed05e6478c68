package io.mapper.orm.generated;

import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.StaleDataException;
import io.mapper.testing.BackendTest;

/**
 * Values the database writes, read back after the flush on every backend: computed columns and server defaults in
 * the INSERT's RETURNING, after an UPDATE in its RETURNING (one row) or one SELECT per batch (several rows, or MariaDB,
 * whose UPDATE has no RETURNING); a version counter kept by a trigger; and times mapper sets from the factory's clock.
 * Mirrors SQLAlchemy's {@code test/orm/test_defaults.py} ({@code ComputedDefaultsOnUpdateTest},
 * {@code TriggerDefaultsTest}) with {@code eager_defaults=True}.
 */
class GeneratedValuesIT extends BackendTest {

    private SessionFactory gadgets() {
        String stored = backend.is("h2") ? "" : " STORED";
        try (Connection conn = engine().begin()) {
            conn.execute(text("CREATE TABLE gadget (id BIGINT PRIMARY KEY, foo INTEGER, bar INTEGER GENERATED ALWAYS "
                    + "AS (foo + 42)" + stored + ", label VARCHAR(20) DEFAULT 'new')"));
            conn.commit();
        }
        SessionFactory sessions = SessionFactory.builder(engine()).entities(Gadget.class).build();
        recorder.clear();
        return sessions;
    }

    @Test
    void computedAndDefaultedColumnsComeBackWithTheInsert() {
        // mirrors test_defaults.py::ComputedDefaultsOnUpdateTest::test_insert_computed (eager)
        SessionFactory sessions = gadgets();
        Gadget first = new Gadget(1, 5);
        Gadget second = new Gadget(2, 10);
        try (Session session = sessions.open()) {
            session.addAll(List.of(first, second));
            session.flush();
            assertThat(List.of(first.bar, second.bar)).containsExactly(47, 52);
            assertThat(List.of(first.label, second.label)).containsExactly("new", "new");
            assertThat(session.isModified(first)).isFalse();
            session.commit();
        }
        if (backend.is("sqlite")) {
            // SQLite's RETURNING would not see what a trigger wrote: one batch, then one SELECT for both rows.
            assertThat(recorder.sql()).containsExactly("INSERT INTO gadget (id, foo) VALUES (?, ?)",
                    "SELECT gadget.id, gadget.bar, gadget.label FROM gadget WHERE gadget.id IN (?, ?)");
            assertThat(recorder.statements().get(0).batchSize()).isEqualTo(2);
        } else {
            // One statement for both rows: the generated values come back in it, never one SELECT per object.
            assertThat(recorder.sql()).singleElement().asString()
                    .contains("INSERT INTO gadget (id, foo) VALUES (?, ?), (?, ?)").contains("bar").contains("label");
        }
    }

    @Test
    void aComputedColumnComesBackAfterAnUpdate() {
        // mirrors test_defaults.py::ComputedDefaultsOnUpdateTest::test_update_computed (eager)
        SessionFactory sessions = gadgets();
        try (Session session = sessions.open()) {
            Gadget gadget = new Gadget(1, 5);
            session.add(gadget);
            session.flush();
            gadget.foo = 8;
            gadget.bar = 0;        // never written: the database computes it
            recorder.clear();
            session.flush();
            assertThat(gadget.bar).isEqualTo(50);
            if (backend.is("mariadb") || backend.is("sqlite")) {
                // MariaDB's UPDATE has no RETURNING, SQLite's does not see triggers: the UPDATE, then one SELECT.
                assertThat(recorder.sql()).containsExactly("UPDATE gadget SET foo = ? WHERE gadget.id = ?",
                        "SELECT gadget.id, gadget.bar FROM gadget WHERE gadget.id IN (?)");
            } else {
                assertThat(recorder.sql()).singleElement().asString()
                        .contains("UPDATE gadget SET foo = ? WHERE gadget.id = ?").contains("bar");
            }
        }
    }

    @Test
    void severalUpdatedRowsAreReadBackWithOneSelect() {
        SessionFactory sessions = gadgets();
        try (Session session = sessions.open()) {
            List<Gadget> all = List.of(new Gadget(1, 1), new Gadget(2, 2), new Gadget(3, 3));
            session.addAll(all);
            session.flush();
            all.forEach(gadget -> gadget.foo += 100);
            recorder.clear();
            session.flush();
            assertThat(all).extracting(gadget -> gadget.bar).containsExactly(143, 144, 145);
            assertThat(recorder.statements()).hasSize(2);
            assertThat(recorder.statements().get(0).sql()).startsWith("UPDATE gadget SET foo = ?");
            assertThat(recorder.statements().get(0).batchSize()).isEqualTo(3);
            assertThat(recorder.sql().get(1))
                    .isEqualTo("SELECT gadget.id, gadget.bar FROM gadget WHERE gadget.id IN (?, ?, ?)");
        }
    }

    private SessionFactory revisions() {
        SessionFactory sessions = SessionFactory.builder(engine()).entities(Revision.class).build();
        sessions.metadata().createAll(engine());
        try (Connection conn = engine().begin()) {
            switch (backend.name()) {
                case "postgresql" -> {
                    conn.execute(text("CREATE FUNCTION revision_bump() RETURNS TRIGGER AS $$ BEGIN "
                            + "NEW.rev := OLD.rev + 1; RETURN NEW; END; $$ LANGUAGE plpgsql"));
                    conn.execute(text("CREATE TRIGGER revision_up BEFORE UPDATE ON revision FOR EACH ROW "
                            + "EXECUTE FUNCTION revision_bump()"));
                }
                case "mariadb" -> conn.execute(text("CREATE TRIGGER revision_up BEFORE UPDATE ON revision "
                        + "FOR EACH ROW SET NEW.rev = OLD.rev + 1"));
                case "sqlite" -> conn.execute(text("CREATE TRIGGER revision_up AFTER UPDATE OF body ON revision "
                        + "FOR EACH ROW BEGIN UPDATE revision SET rev = OLD.rev + 1 WHERE id = NEW.id; END"));
                default -> conn.execute(text("CREATE TRIGGER revision_up BEFORE UPDATE ON revision FOR EACH ROW "
                        + "CALL '" + RevisionTrigger.class.getName() + "'"));
            }
            conn.commit();
        }
        recorder.clear();
        return sessions;
    }

    @Test
    void aVersionCounterKeptByTheDatabaseIsComparedAndReadBack() {
        // mirrors test_defaults.py::TriggerDefaultsTest::test_update, with the trigger's column as the version
        SessionFactory sessions = revisions();
        Revision revision = new Revision("first");
        try (Session session = sessions.open()) {
            session.add(revision);
            session.flush();
            assertThat(revision.rev).isEqualTo(1);
            revision.body = "second";
            recorder.clear();
            session.flush();
            assertThat(revision.rev).isEqualTo(2);
            // mapper compares the version but leaves incrementing it to the trigger.
            assertThat(recorder.sql().get(0))
                    .contains("UPDATE revision SET body = ? WHERE revision.id = ? AND revision.rev = ?");
            session.commit();
        }
        try (Connection conn = engine().begin()) {
            conn.execute(text("UPDATE revision SET body = 'elsewhere' WHERE id = :id").bind("id", revision.id));
            conn.commit();
        }
        if (backend.is("sqlite")) {
            return;    // SQLite refuses the other connection's write while this session reads (SQLITE_BUSY_SNAPSHOT)
        }
        try (Session session = sessions.open()) {
            Revision stale = session.get(Revision.class, revision.id);
            assertThat(stale.rev).isEqualTo(3);
            // Another transaction's UPDATE bumps the counter: this session's UPDATE then matches no row.
            try (Connection conn = engine().begin()) {
                conn.execute(text("UPDATE revision SET body = 'again' WHERE id = :id").bind("id", revision.id));
                conn.commit();
            }
            stale.body = "lost update";
            assertThatThrownBy(session::flush).isInstanceOf(StaleDataException.class);
        }
    }

    /** A clock the test moves forward. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T10:15:30.123456789Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void creationAndUpdateTimesComeFromTheFactorysClock() {
        TestClock clock = new TestClock();
        SessionFactory sessions = SessionFactory.builder(engine()).entities(Note.class).clock(clock).build();
        sessions.metadata().createAll(engine());
        Note note = new Note("hello");
        try (Session session = sessions.open()) {
            session.add(note);
            session.flush();
            // Microseconds, as every database keeps them, so the object equals its row.
            assertThat(note.createdAt).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
            assertThat(note.updatedAt).isEqualTo(LocalDateTime.parse("2026-03-01T10:15:30.123456"));
            assertThat(note.state).isEqualTo("draft");
            clock.now = clock.now.plusSeconds(60);
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).as("an unchanged object keeps its time").isEmpty();
            note.text = "hello again";
            session.flush();
            assertThat(note.updatedAt).isEqualTo(LocalDateTime.parse("2026-03-01T10:16:30.123456"));
            assertThat(note.createdAt).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
            assertThat(recorder.sql()).singleElement().asString()
                    .startsWith("UPDATE note SET text = ?, updated_at = ? WHERE note.id = ?");
            session.commit();
        }
        try (Session session = sessions.open()) {
            Note loaded = session.get(Note.class, note.id);
            assertThat(loaded.createdAt).isEqualTo(note.createdAt);
            assertThat(loaded.updatedAt).isEqualTo(note.updatedAt);
            assertThat(loaded.state).isEqualTo("draft");
        }
    }
}
