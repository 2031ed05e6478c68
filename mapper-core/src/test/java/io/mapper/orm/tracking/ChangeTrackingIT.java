package io.mapper.orm.tracking;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionTransaction;
import io.mapper.orm.state.Enhanced;
import io.mapper.orm.state.Tracked;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Change tracking with enhanced classes (docs/orm.md, "Change tracking"): the flush compares only the objects
 * written since they last agreed with the database, and still writes exactly what the comparison of every object
 * wrote. Mirrors SQLAlchemy's {@code test/orm/test_session.py::IsModifiedTest::test_is_modified},
 * {@code test_unitofworkv2.py::...::test_no_update_no_change} (only the changed column is written),
 * {@code test_transaction.py::SavepointTest::test_savepoint_rollback} and
 * {@code test_attributes.py::...::test_scalar_inplace_mutation_*} (a JSON value changed in place; SQLAlchemy needs
 * {@code flag_modified} or its {@code Mutable} extension there, mapper compares such values at every flush), with the kinds of write Java has.
 */
class ChangeTrackingIT extends BackendTest {

    private static final TableClause PERSON = Attribute.table("tracked_person");
    private static final Attribute<TrackedPerson, Long> ID = Attribute.of(TrackedPerson.class, "id", PERSON, "id",
            Types.BIGINT);
    private static final Attribute<TrackedPerson, String> NAME = Attribute.of(TrackedPerson.class, "name", PERSON,
            "name", Types.string(40));

    private SessionFactory sessions;

    @BeforeEach
    void createPeople() {
        sessions = SessionFactory.builder(engine()).entities(TrackedPerson.class, TrackedPet.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            List<TrackedPerson> people = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                people.add(new TrackedPerson("person" + i, "p" + i + "@example.com"));
            }
            new TrackedPet("rex", people.get(0));
            session.addAll(people);
            session.add(people.get(0).getPets().get(0));
            session.commit();
        }
        recorder.clear();
    }

    private List<TrackedPerson> loadAll(Session session) {
        return session.scalars(select(TrackedPerson.class).orderBy(ID)).all();
    }

    private static long writes(Object entity) {
        return ((Tracked) entity).$mapper$writes();
    }

    /** The first column of every row {@code sql} selects, read outside the sessions. */
    private List<String> strings(String sql) {
        try (io.mapper.engine.Connection conn = engine().connect()) {
            return conn.execute(io.mapper.sql.Sql.text(sql)).scalars().all().stream().map(String::valueOf).toList();
        }
    }

    private List<String> names() {
        return strings("SELECT name FROM tracked_person ORDER BY id");
    }

    @Test
    void theBuildEnhancedTheClassesAndEveryKindOfWriteCounts() throws Exception {
        assertThat(TrackedPerson.class).hasAnnotation(Enhanced.class);
        assertThat(TrackedBase.class).hasAnnotation(Enhanced.class);
        assertThat(Tracked.class).isAssignableFrom(TrackedPerson.class).isAssignableFrom(TrackedPet.class);
        assertThat(Arrays.stream(TrackedPerson.class.getDeclaredMethods()).filter(m -> m.getName().startsWith("$"))
                .allMatch(Method::isSynthetic)).isTrue();

        TrackedPerson person = new TrackedPerson("ann", "ann@example.com");
        assertThat(writes(person)).as("a constructor's writes: the object is new").isZero();
        person.setName("anne");
        assertThat(writes(person)).as("a setter").isEqualTo(1);
        TrackedPerson.Renamer.rename(person, "annie");
        assertThat(writes(person)).as("a nested class writing the private field").isEqualTo(2);
        Visits.visit(person);
        assertThat(writes(person)).as("another class of the package writing a package-private field").isEqualTo(3);
        person.setCreatedBy("admin");
        assertThat(writes(person)).as("the superclass's field").isEqualTo(4);
        person.setNote("not mapped");
        person.lookedUp();
        assertThat(writes(person)).as("@Transient and transient fields do not count").isEqualTo(4);
        assertThat(person.getName()).isEqualTo("annie");
        assertThat(person.getVisits()).isEqualTo(1);
    }

    /** The point of tracking: of 20 loaded objects, the flush reads only the one that was written. */
    @Test
    void theFlushComparesOnlyTheObjectsThatWereWritten() {
        try (Session session = sessions.open()) {
            List<TrackedPerson> people = loadAll(session);
            people.get(5).setEmail("five@example.com");
            TrackedPerson.nameReads = 0;
            recorder.clear();
            session.flush();
            recorder.assertStatements("UPDATE tracked_person SET email = ? WHERE tracked_person.id = ?");
            // The written object is compared (a read) and its values bound (a read); the 19 others are not read.
            assertThat(TrackedPerson.nameReads).isLessThanOrEqualTo(3);
            session.commit();
        }
        assertThat(strings("SELECT email FROM tracked_person WHERE name = 'person5'"))
                .containsExactly("five@example.com");
    }

    /** Mirrors test_is_modified: a write of the same value is no change; a flush makes the object clean again. */
    @Test
    void aWriteOfTheSameValueIsNoChangeAndAFlushCleansTheObject() {
        try (Session session = sessions.open()) {
            TrackedPerson fred = loadAll(session).get(0);
            assertThat(session.isModified(fred)).isFalse();
            fred.setName("person0");
            assertThat(session.isModified(fred)).isFalse();
            session.flush();
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("UPDATE"));

            fred.setName("ed");
            assertThat(session.isModified(fred)).isTrue();
            session.flush();
            assertThat(session.isModified(fred)).isFalse();
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).as("written once, not again").isEmpty();

            fred.setName("eddie");
            session.commit();
        }
        assertThat(names().get(0)).isEqualTo("eddie");
    }

    /** Each kind of write reaches the database; mirrors test_no_update_no_change (only what changed is SET). */
    @Test
    void everyKindOfWriteIsFlushedAndOnlyItsColumn() {
        try (Session session = sessions.open()) {
            List<TrackedPerson> people = loadAll(session);
            TrackedPerson.Renamer.rename(people.get(1), "renamed");
            Visits.visit(people.get(2));
            people.get(3).setCreatedBy("admin");
            people.get(4).getTags().add("changed in place");    // no write to count: found by comparing
            session.commit();
            assertThat(recorder.sql()).filteredOn(sql -> sql.startsWith("UPDATE")).containsExactlyInAnyOrder(
                    "UPDATE tracked_person SET name = ? WHERE tracked_person.id = ?",
                    "UPDATE tracked_person SET visits = ? WHERE tracked_person.id = ?",
                    "UPDATE tracked_person SET created_by = ? WHERE tracked_person.id = ?",
                    "UPDATE tracked_person SET tags = ? WHERE tracked_person.id = ?");
        }
        try (Session session = sessions.open()) {
            List<TrackedPerson> people = loadAll(session);
            assertThat(people.get(1).getName()).isEqualTo("renamed");
            assertThat(people.get(2).getVisits()).isEqualTo(1);
            assertThat(people.get(3).getCreatedBy()).isEqualTo("admin");
            assertThat(people.get(4).getTags()).containsExactly("new", "changed in place");
            assertThat(people.get(5).getTags()).containsExactly("new");
        }
    }

    /** A reference's foreign key is compared at every flush: the pet moves to another owner. */
    @Test
    void aChangedReferenceIsWritten() {
        try (Session session = sessions.open()) {
            List<TrackedPerson> people = loadAll(session);
            TrackedPet rex = session.scalars(select(TrackedPet.class)).one();
            rex.setOwner(people.get(7));
            session.commit();
        }
        assertThat(strings("SELECT p.name FROM tracked_pet t JOIN tracked_person p ON p.id = t.owner_id"))
                .containsExactly("person7");
    }

    /** Mirrors test_savepoint_rollback: a savepoint's writes are undone in memory and in the database. */
    @Test
    void aSavepointRolledBackLeavesNoWriteBehind() {
        requires(io.mapper.testing.Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            List<TrackedPerson> people = loadAll(session);
            people.get(0).setName("before the savepoint");
            SessionTransaction savepoint = session.beginNested();
            people.get(0).setName("edward");
            people.get(1).setName("jackward");
            session.flush();
            savepoint.rollback();
            assertThat(people.get(0).getName()).isEqualTo("before the savepoint");
            assertThat(people.get(1).getName()).isEqualTo("person1");
            session.commit();
        }
        assertThat(names().subList(0, 3)).containsExactly("before the savepoint", "person1", "person2");
    }

    /** After a rollback the objects reload; a write after that is flushed, an untouched object is not. */
    @Test
    void writesAfterARollbackAreFlushed() {
        try (Session session = sessions.open()) {
            List<TrackedPerson> people = loadAll(session);
            people.get(0).setName("rolled back");
            session.flush();
            session.rollback();
            people = loadAll(session);
            assertThat(people.get(0).getName()).isEqualTo("person0");
            people.get(1).setName("after the rollback");
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).filteredOn(sql -> sql.startsWith("UPDATE")).hasSize(1);
        }
        assertThat(names().subList(0, 2)).containsExactly("person0", "after the rollback");
    }

    /** An evaluated bulk UPDATE keeps a clean object clean, and a later write is still seen. */
    @Test
    void aBulkUpdateKeepsObjectsInStepAndLaterWritesAreSeen() {
        try (Session session = sessions.open()) {
            List<TrackedPerson> people = loadAll(session);
            session.execute(update(TrackedPerson.class).set(NAME, "bulk").where(ID.eq(people.get(2).getId())));
            assertThat(people.get(2).getName()).isEqualTo("bulk");
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).isEmpty();
            people.get(2).setEmail("later@example.com");
            session.commit();
            assertThat(recorder.sql()).contains("UPDATE tracked_person SET email = ? WHERE tracked_person.id = ?");
        }
        assertThat(strings("SELECT email FROM tracked_person WHERE name = 'bulk'"))
                .containsExactly("later@example.com");
    }

    /** refresh() discards a write and makes the object clean; the next write is flushed. */
    @Test
    void refreshDiscardsAWriteAndTheNextOneIsFlushed() {
        try (Session session = sessions.open()) {
            TrackedPerson person = loadAll(session).get(3);
            person.setName("discarded");
            session.refresh(person);
            assertThat(person.getName()).isEqualTo("person3");
            session.flush();
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("UPDATE"));
            person.setName("kept");
            session.commit();
        }
        assertThat(names().get(3)).isEqualTo("kept");
    }

    /** A new object is compared at the flush after its INSERT (its count was not noted then), and written once. */
    @Test
    void aNewObjectChangedAfterItsInsertIsUpdated() {
        try (Session session = sessions.open()) {
            TrackedPerson newcomer = new TrackedPerson("newcomer", "new@example.com");
            session.add(newcomer);
            session.flush();
            newcomer.setEmail("changed@example.com");
            recorder.clear();
            session.flush();
            recorder.assertStatements("UPDATE tracked_person SET email = ? WHERE tracked_person.id = ?");
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).isEmpty();
            session.commit();
        }
        assertThat(strings("SELECT email FROM tracked_person WHERE name = 'newcomer'"))
                .containsExactly("changed@example.com");
    }
}
