package io.mapper.orm.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.IntegrityException;
import io.mapper.exception.MapperException;
import io.mapper.exception.PendingRollbackException;
import io.mapper.orm.EntityState;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionTransaction;
import io.mapper.orm.StaleDataException;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.testing.Feature;
import io.mapper.types.Types;

/**
 * SQLAlchemy's test/orm/test_transaction.py, rewritten against mapper's Session: what rollback(), savepoints
 * (beginNested) and failed flushes do to the session's objects and to the database, on every backend.
 */
class TransactionScenariosIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Person.class, Address.class, Handle.class, Counter.class)
                .build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private long persons() {
        return Db.rows(engine(), "person");
    }

    private List<String> personNames() {
        return Db.strings(engine(), "SELECT name FROM person ORDER BY id");
    }

    private static List<String> namesById(Session session) {
        return session.query(Person.class).orderBy(Sql.column("id", Types.BIGINT)).all().stream()
                .map(person -> person.name).toList();
    }

    private Person committed(String name, String... emails) {
        try (Session session = sessions.open()) {
            Person person = new Person(name);
            for (String email : emails) {
                person.add(new Address(email));
            }
            session.add(person);
            session.commit();
            return person;
        }
    }

    private List<String> writes() {
        return recorder.sql().stream().filter(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE")
                || sql.startsWith("DELETE")).toList();
    }

    // ---- SessionTransactionTest ----

    /** mirrors test/orm/test_transaction.py::SessionTransactionTest::test_nested_accounting_new_items_removed */
    @Test
    void test_nested_accounting_new_items_removed() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            SessionTransaction n1 = session.beginNested();
            Person u1 = new Person("u1");
            session.add(u1);
            n1.commit();
            assertThat(session.contains(u1)).isTrue();
            assertThat(u1.id).isNotNull();
            session.rollback();
            assertThat(session.contains(u1)).isFalse();
            assertThat(session.state(u1)).isEqualTo(EntityState.TRANSIENT);
            assertThat(u1.id).isNull();
            session.commit();
        }
        assertThat(persons()).isZero();
    }

    /** mirrors test/orm/test_transaction.py::SessionTransactionTest::test_nested_accounting_deleted_items_restored */
    @Test
    void test_nested_accounting_deleted_items_restored() {
        requires(Feature.SAVEPOINTS);
        committed("u1");
        try (Session session = sessions.open()) {
            Person u1 = session.query(Person.class).one();
            SessionTransaction n1 = session.beginNested();
            session.delete(u1);
            n1.commit();
            assertThat(session.contains(u1)).isFalse();
            session.rollback();
            assertThat(session.contains(u1)).isTrue();
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(session.get(Person.class, u1.id)).isSameAs(u1);
            session.commit();
        }
        assertThat(personNames()).containsExactly("u1");
    }

    /** mirrors test/orm/test_transaction.py::SessionTransactionTest::test_dirty_state_transferred_deep_nesting */
    @Test
    void test_dirty_state_transferred_deep_nesting() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("u1");
            session.add(u1);
            session.commit();

            SessionTransaction nt1 = session.beginNested();
            SessionTransaction nt2 = session.beginNested();
            u1.name = "u2";
            session.flush();
            nt2.commit();
            nt1.rollback();
            assertThat(u1.name).isEqualTo("u1");
            assertThat(session.isModified(u1)).isFalse();
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            session.commit();
        }
        assertThat(personNames()).containsExactly("u1");
    }

    /**
     * mirrors test/orm/test_transaction.py::SessionTransactionTest::test_dirty_state_transferred_deep_nesting (the
     * inner savepoint rolled back, the outer one released: only the outer level's work remains).
     */
    @Test
    void test_dirty_state_transferred_deep_nesting_inner_rollback() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("u1");
            session.add(u1);
            session.commit();

            SessionTransaction nt1 = session.beginNested();
            u1.name = "outer";
            Person outerNew = new Person("outer-new");
            session.add(outerNew);
            SessionTransaction nt2 = session.beginNested();
            u1.name = "inner";
            Person innerNew = new Person("inner-new");
            session.add(innerNew);
            session.flush();
            nt2.rollback();
            assertThat(u1.name).isEqualTo("outer");
            assertThat(session.state(innerNew)).isEqualTo(EntityState.TRANSIENT);
            assertThat(innerNew.id).isNull();
            assertThat(session.state(outerNew)).isEqualTo(EntityState.PERSISTENT);
            nt1.commit();
            session.commit();
        }
        assertThat(personNames()).containsExactly("outer", "outer-new");
    }

    /** mirrors test/orm/test_transaction.py::SessionTransactionTest::test_transactions_isolated */
    @Test
    void test_transactions_isolated() {
        try (Session s1 = sessions.open(); Session s2 = sessions.open()) {
            Person u1 = new Person("u1");
            s1.add(u1);
            s1.flush();
            assertThat(s2.query(Person.class).all()).isEmpty();
        }
        assertThat(persons()).isZero();
    }

    /** mirrors test/orm/test_transaction.py::SessionTransactionTest::test_nested_transaction */
    @Test
    void test_nested_transaction() {
        requires(Feature.SAVEPOINTS);
        Person u2 = new Person("u2");
        try (Session session = sessions.open()) {
            Person u = new Person("u1");
            session.add(u);
            session.flush();

            SessionTransaction n1 = session.beginNested();
            session.add(u2);
            session.flush();
            n1.rollback();
            assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
            assertThat(u2.id).isNull();
            assertThat(session.state(u)).isEqualTo(EntityState.PERSISTENT);

            session.commit();
            assertThat(session.query(Person.class).all()).containsExactly(u);
        }
        assertThat(personNames()).containsExactly("u1");
    }

    /** mirrors test/orm/test_transaction.py::SessionTransactionTest::test_nested_autotrans */
    @Test
    void test_nested_autotrans() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u = new Person("u1");
            session.add(u);
            session.flush();

            session.beginNested();
            Person u2 = new Person("u2");
            session.add(u2);
            session.flush();

            session.rollback(); // the whole transaction, savepoint included
            assertThat(session.state(u)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
            assertThat(u.id).isNull();
            assertThat(u2.id).isNull();

            session.commit();
            assertThat(session.query(Person.class).all()).isEmpty();
        }
        assertThat(persons()).isZero();
    }

    /** mirrors test/orm/test_transaction.py::SessionTransactionTest::test_preserve_flush_error */
    @Test
    void test_preserve_flush_error() {
        committed("u1");
        try (Session session = sessions.open()) {
            session.add(new Person("u1"));
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(session::commit).isInstanceOf(PendingRollbackException.class)
                        .hasMessageContaining("rollback");
            }
            assertThatThrownBy(() -> session.query(Person.class).all())
                    .isInstanceOf(PendingRollbackException.class);
            session.rollback();
            session.add(new Person("some name"));
            session.commit();
        }
        assertThat(personNames()).containsExactly("u1", "some name");
    }

    /**
     * mirrors test/orm/test_transaction.py::SessionTransactionTest::test_warning_on_using_inactive_session_new (the
     * new object is added before the failing flush; the rollback forgets it, the committed one stays).
     */
    @Test
    void test_warning_on_using_inactive_session_new() {
        Person u1 = committed("u1");
        try (Session session = sessions.open()) {
            Person loaded = session.get(Person.class, u1.id);
            Person u2 = new Person("u2");
            session.add(u2);
            session.add(new Person("u1"));
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);
            session.rollback();
            assertThat(session.contains(u2)).isFalse();
            assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
            assertThat(u2.id).isNull();
            assertThat(session.state(loaded)).isEqualTo(EntityState.PERSISTENT);
            recorder.clear();
            session.commit();
            assertThat(writes()).isEmpty();
        }
        assertThat(personNames()).containsExactly("u1");
    }

    /**
     * mirrors test/orm/test_transaction.py::SessionTransactionTest::test_warning_on_using_inactive_session_dirty (the
     * change is made in the transaction whose flush fails; after rollback it is discarded and never written).
     */
    @Test
    void test_warning_on_using_inactive_session_dirty() {
        Person u1 = committed("u1");
        committed("u0");
        try (Session session = sessions.open()) {
            Person loaded = session.get(Person.class, u1.id);
            loaded.name = "newname";
            session.add(new Person("u0"));
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);
            session.rollback();
            assertThat(session.contains(loaded)).isTrue();
            assertThat(loaded.name).isEqualTo("u1");
            assertThat(session.isModified(loaded)).isFalse();
            recorder.clear();
            session.commit();
            assertThat(writes()).isEmpty();
        }
        assertThat(personNames()).containsExactly("u1", "u0");
    }

    /**
     * mirrors test/orm/test_transaction.py::SessionTransactionTest::test_warning_on_using_inactive_session_delete
     * (the delete is part of the failing flush; after rollback the object is persistent and not deleted later).
     */
    @Test
    void test_warning_on_using_inactive_session_delete() {
        Person u1 = committed("u1");
        committed("u0");
        try (Session session = sessions.open()) {
            Person loaded = session.get(Person.class, u1.id);
            session.delete(loaded);
            session.add(new Person("u0"));
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);
            session.rollback();
            assertThat(session.state(loaded)).isEqualTo(EntityState.PERSISTENT);
            recorder.clear();
            session.commit();
            assertThat(writes()).isEmpty();
        }
        assertThat(personNames()).containsExactly("u1", "u0");
    }

    // ---- FixtureDataTest ----

    /** mirrors test/orm/test_transaction.py::FixtureDataTest::test_attrs_on_rollback */
    @Test
    void test_attrs_on_rollback() {
        Person jack = committed("jack");
        try (Session session = sessions.open()) {
            Person u1 = session.get(Person.class, jack.id);
            u1.name = "ed";
            session.rollback();
            assertThat(u1.name).isEqualTo("jack");
            assertThat(session.isModified(u1)).isFalse();
            session.commit();
        }
        assertThat(personNames()).containsExactly("jack");
    }

    /** mirrors test/orm/test_transaction.py::FixtureDataTest::test_commit_persistent */
    @Test
    void test_commit_persistent() {
        Person jack = committed("jack");
        try (Session session = sessions.open()) {
            Person u1 = session.get(Person.class, jack.id);
            u1.name = "ed";
            session.flush();
            session.commit();
            assertThat(u1.name).isEqualTo("ed");
        }
        assertThat(personNames()).containsExactly("ed");
    }

    /** mirrors test/orm/test_transaction.py::FixtureDataTest::test_concurrent_commit_persistent */
    @Test
    void test_concurrent_commit_persistent() {
        Person jack = committed("jack");
        try (Session s1 = sessions.open()) {
            Person u1 = s1.get(Person.class, jack.id);
            u1.name = "ed";
            s1.commit();
        }
        try (Session s2 = sessions.open()) {
            Person u2 = s2.get(Person.class, jack.id);
            assertThat(u2.name).isEqualTo("ed");
            u2.name = "will";
            s2.commit();
        }
        assertThat(personNames()).containsExactly("will");
    }

    // ---- CleanSavepointTest ----

    /** mirrors test/orm/test_transaction.py::CleanSavepointTest::test_rollback_ignores_clean_on_savepoint */
    @Test
    void test_rollback_ignores_clean_on_savepoint() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("u1");
            Person u2 = new Person("u2");
            session.addAll(List.of(u1, u2));
            session.commit();
            session.beginNested();
            u2.name = "u2modified";
            session.flush();
            session.rollback();
            assertThat(u2.name).isEqualTo("u2");
            assertThat(u1.name).isEqualTo("u1");
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(session.state(u2)).isEqualTo(EntityState.PERSISTENT);
            session.commit();
        }
        assertThat(personNames()).containsExactly("u1", "u2");
    }

    // ---- AutoExpireTest ----

    /** mirrors test/orm/test_transaction.py::AutoExpireTest::test_expunge_pending_on_rollback */
    @Test
    void test_expunge_pending_on_rollback() {
        try (Session session = sessions.open()) {
            Person u2 = new Person("newuser");
            session.add(u2);
            assertThat(session.contains(u2)).isTrue();
            session.rollback();
            assertThat(session.contains(u2)).isFalse();
            assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
            session.commit();
        }
        assertThat(persons()).isZero();
    }

    /** mirrors test/orm/test_transaction.py::AutoExpireTest::test_trans_pending_cleared_on_commit */
    @Test
    void test_trans_pending_cleared_on_commit() {
        try (Session session = sessions.open()) {
            Person u2 = new Person("newuser");
            session.add(u2);
            session.commit();
            assertThat(session.contains(u2)).isTrue();
            Person u3 = new Person("anotheruser");
            session.add(u3);
            session.rollback();
            assertThat(session.contains(u3)).isFalse();
            assertThat(session.state(u3)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.contains(u2)).isTrue();
            assertThat(session.state(u2)).isEqualTo(EntityState.PERSISTENT);
            assertThat(u2.id).isNotNull();
        }
        assertThat(personNames()).containsExactly("newuser");
    }

    /** mirrors test/orm/test_transaction.py::AutoExpireTest::test_update_deleted_on_rollback */
    @Test
    void test_update_deleted_on_rollback() {
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            session.add(u1);
            session.commit();
            session.delete(u1);
            assertThat(session.state(u1)).isEqualTo(EntityState.DELETED);
            session.rollback();
            assertThat(session.contains(u1)).isTrue();
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            session.commit();
        }
        assertThat(personNames()).containsExactly("ed");
    }

    /** mirrors test/orm/test_transaction.py::AutoExpireTest::test_trans_deleted_cleared_on_rollback */
    @Test
    void test_trans_deleted_cleared_on_rollback() {
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            session.add(u1);
            session.commit();
            session.delete(u1);
            session.commit();
            assertThat(session.contains(u1)).isFalse();
            session.rollback();
            assertThat(session.contains(u1)).isFalse();
            assertThat(session.state(u1)).isEqualTo(EntityState.DETACHED);
        }
        assertThat(persons()).isZero();
    }

    /** mirrors test/orm/test_transaction.py::AutoExpireTest::test_update_deleted_on_rollback_cascade */
    @Test
    void test_update_deleted_on_rollback_cascade() {
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            Address a1 = u1.add(new Address("foo"));
            session.add(u1);
            session.commit();
            session.delete(u1);
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(session.state(u1)).isEqualTo(EntityState.DELETED);
            softly.assertThat(session.state(a1)).as("delete cascaded at delete() time").isEqualTo(EntityState.DELETED);
            session.rollback();
            softly.assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            softly.assertThat(session.state(a1)).isEqualTo(EntityState.PERSISTENT);
            session.commit();
            softly.assertAll();
        }
        assertThat(persons()).isEqualTo(1);
        assertThat(Db.rows(engine(), "address")).isEqualTo(1);
    }

    /** mirrors test/orm/test_transaction.py::AutoExpireTest::test_update_deleted_on_rollback_orphan */
    @Test
    void test_update_deleted_on_rollback_orphan() {
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            Address a1 = u1.add(new Address("foo"));
            session.add(u1);
            session.commit();

            u1.addresses.remove(a1);
            session.flush();
            assertThat(session.query(Address.class).filterBy("email", "foo").all()).isEmpty();
            session.rollback();
            assertThat(session.state(a1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(u1.addresses).containsExactly(a1);
            assertThat(a1.person).isSameAs(u1);
            session.commit();
        }
        assertThat(Db.strings(engine(), "SELECT email FROM address")).containsExactly("foo");
    }

    /** mirrors test/orm/test_transaction.py::AutoExpireTest::test_commit_pending */
    @Test
    void test_commit_pending() {
        try (Session session = sessions.open()) {
            Person u1 = new Person("newuser");
            session.add(u1);
            session.flush();
            session.commit();
            assertThat(u1.name).isEqualTo("newuser");
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
        }
        assertThat(personNames()).containsExactly("newuser");
    }

    /** mirrors test/orm/test_transaction.py::AutoExpireTest::test_concurrent_commit_pending */
    @Test
    void test_concurrent_commit_pending() {
        try (Session s1 = sessions.open()) {
            Person u1 = new Person("edward");
            s1.add(u1);
            s1.commit();
            try (Session s2 = sessions.open()) {
                Person u2 = s2.query(Person.class).filterBy("name", "edward").one();
                u2.name = "will";
                s2.commit();
            }
            // u1 was expired by the commit: the next get() that returns it reloads it
            assertThat(s1.get(Person.class, u1.id)).isSameAs(u1);
            assertThat(u1.name).isEqualTo("will");
        }
    }

    // ---- RollbackRecoverTest ----

    /** mirrors test/orm/test_transaction.py::RollbackRecoverTest::test_pk_violation */
    @Test
    void test_pk_violation() {
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            Address a1 = u1.add(new Address("foo"));
            session.add(u1);
            session.commit();

            Person u2 = new Person("ed");
            Address a2 = u2.add(new Address("bar"));
            a1.email = "foober";
            session.add(u2);
            assertThatThrownBy(session::commit).isInstanceOf(IntegrityException.class);
            assertThatThrownBy(session::commit).isInstanceOf(PendingRollbackException.class);
            session.rollback();
            assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(a2)).isEqualTo(EntityState.TRANSIENT);
            assertThat(u2.id).isNull();
            assertThat(a2.id).isNull();
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(session.state(a1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(a1.email).isEqualTo("foo");
            a1.email = "foober";
            session.commit();
            List<Person> all = session.query(Person.class).all();
            assertThat(all).containsExactly(u1);
            assertThat(all.get(0).addresses).extracting(address -> address.email).containsExactly("foober");
        }
        assertThat(personNames()).containsExactly("ed");
        assertThat(Db.strings(engine(), "SELECT email FROM address")).containsExactly("foober");
    }

    /** mirrors test/orm/test_transaction.py::RollbackRecoverTest::test_pk_violation_with_savepoint */
    @Test
    void test_pk_violation_with_savepoint() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            Address a1 = u1.add(new Address("foo"));
            session.add(u1);
            session.commit();

            Person u2 = new Person("ed");
            Address a2 = u2.add(new Address("bar"));
            a1.email = "foober";
            SessionTransaction nt1 = session.beginNested();
            session.add(u2);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);
            assertThatThrownBy(session::commit).isInstanceOf(PendingRollbackException.class);
            assertThatThrownBy(() -> session.query(Person.class).all())
                    .isInstanceOf(PendingRollbackException.class);
            assertThatCode(nt1::rollback).doesNotThrowAnyException();
            assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(a2)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(session.state(a1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(a1.email).isEqualTo("foober");

            session.commit();
            List<Person> all = session.query(Person.class).all();
            assertThat(all).containsExactly(u1);
            assertThat(all.get(0).addresses).extracting(address -> address.email).containsExactly("foober");
        }
        assertThat(personNames()).containsExactly("ed");
        assertThat(Db.strings(engine(), "SELECT email FROM address")).containsExactly("foober");
    }

    /**
     * mirrors test/orm/test_transaction.py::RollbackRecoverTest::test_pk_violation (a StaleDataException instead of
     * an IntegrityException: after rollback the session works again and writes nothing of the failed flush).
     */
    @Test
    void test_pk_violation_stale_data() {
        Long id;
        try (Session session = sessions.open()) {
            Counter counter = new Counter("c");
            session.add(counter);
            session.commit();
            id = counter.id;
        }
        try (Session session = sessions.open()) {
            Counter mine = session.get(Counter.class, id);
            session.commit(); // releases the read (SQLite would block the other writer); mine stays usable
            try (Session other = sessions.open()) {
                other.get(Counter.class, id).hits = 10;
                other.commit();
            }
            mine.hits = 1;
            assertThatThrownBy(session::flush).isInstanceOf(StaleDataException.class);
            assertThatThrownBy(() -> session.get(Counter.class, id)).isInstanceOf(PendingRollbackException.class);
            session.rollback();
            Counter[] again = new Counter[1];
            assertThatCode(() -> again[0] = session.get(Counter.class, id)).doesNotThrowAnyException();
            assertThat(again[0]).isSameAs(mine);
            assertThat(mine.hits).isEqualTo(10);
            recorder.clear();
            session.commit();
            assertThat(writes()).isEmpty();
        }
        assertThat(Db.string(engine(), "SELECT hits FROM counter")).isEqualTo("10");
    }

    // ---- SavepointTest ----

    /** mirrors test/orm/test_transaction.py::SavepointTest::test_savepoint_rollback */
    @Test
    void test_savepoint_rollback() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            Person u2 = new Person("jack");
            session.addAll(List.of(u1, u2));

            SessionTransaction nt1 = session.beginNested();
            Person u3 = new Person("wendy");
            Person u4 = new Person("foo");
            u1.name = "edward";
            u2.name = "jackward";
            session.addAll(List.of(u3, u4));
            assertThat(namesById(session)).containsExactly("edward", "jackward", "wendy", "foo");
            nt1.rollback();
            assertThat(u1.name).isEqualTo("ed");
            assertThat(u2.name).isEqualTo("jack");
            assertThat(session.state(u3)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(u4)).isEqualTo(EntityState.TRANSIENT);
            assertThat(namesById(session)).containsExactly("ed", "jack");
            session.commit();
            assertThat(u1.name).isEqualTo("ed");
            assertThat(u2.name).isEqualTo("jack");
            assertThat(namesById(session)).containsExactly("ed", "jack");
        }
        assertThat(personNames()).containsExactly("ed", "jack");
    }

    /** mirrors test/orm/test_transaction.py::SavepointTest::test_savepoint_delete */
    @Test
    void test_savepoint_delete() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            session.add(u1);
            session.commit();
            assertThat(session.query(Person.class).filterBy("name", "ed").count()).isEqualTo(1);
            SessionTransaction nested = session.beginNested();
            session.delete(u1);
            nested.commit();
            assertThat(session.query(Person.class).filterBy("name", "ed").count()).isZero();
            session.commit();
        }
        assertThat(persons()).isZero();
    }

    /** mirrors test/orm/test_transaction.py::SavepointTest::test_savepoint_commit */
    @Test
    void test_savepoint_commit() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            Person u2 = new Person("jack");
            session.addAll(List.of(u1, u2));

            SessionTransaction nt1 = session.beginNested();
            u1.name = "edward";
            u2.name = "jackward";
            session.addAll(List.of(new Person("wendy"), new Person("foo")));
            assertThat(namesById(session)).containsExactly("edward", "jackward", "wendy", "foo");
            nt1.commit();
            assertThat(u1.name).isEqualTo("edward");
            assertThat(u2.name).isEqualTo("jackward");
            assertThat(namesById(session)).containsExactly("edward", "jackward", "wendy", "foo");
            session.commit();
            assertThat(namesById(session)).containsExactly("edward", "jackward", "wendy", "foo");
        }
        assertThat(personNames()).containsExactly("edward", "jackward", "wendy", "foo");
    }

    /** mirrors test/orm/test_transaction.py::SavepointTest::test_savepoint_rollback_collections */
    @Test
    void test_savepoint_rollback_collections() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            u1.add(new Address("foo"));
            session.add(u1);
            session.commit();

            u1.name = "edward";
            Address bar = new Address("bar");
            u1.addresses.add(bar);
            SessionTransaction nt1 = session.beginNested();
            Person u2 = new Person("jack");
            Address bat = u2.add(new Address("bat"));
            session.add(u2);
            List<Person> before = session.query(Person.class).orderBy(Sql.column("id", Types.BIGINT)).all();
            assertThat(before).extracting(person -> person.name).containsExactly("edward", "jack");
            assertThat(before.get(0).addresses).extracting(address -> address.email).containsExactly("foo", "bar");
            assertThat(before.get(1).addresses).extracting(address -> address.email).containsExactly("bat");

            nt1.rollback();
            assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(bat)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(bar)).isEqualTo(EntityState.PERSISTENT);
            List<Person> after = session.query(Person.class).orderBy(Sql.column("id", Types.BIGINT)).all();
            assertThat(after).containsExactly(u1);
            assertThat(u1.name).isEqualTo("edward");
            assertThat(u1.addresses).extracting(address -> address.email).containsExactly("foo", "bar");
            session.commit();
        }
        assertThat(personNames()).containsExactly("edward");
        assertThat(Db.strings(engine(), "SELECT email FROM address ORDER BY id")).containsExactly("foo", "bar");
    }

    /** mirrors test/orm/test_transaction.py::SavepointTest::test_savepoint_commit_collections */
    @Test
    void test_savepoint_commit_collections() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            u1.add(new Address("foo"));
            session.add(u1);
            session.commit();

            u1.name = "edward";
            u1.addresses.add(new Address("bar"));
            SessionTransaction nested = session.beginNested();
            Person u2 = new Person("jack");
            u2.add(new Address("bat"));
            session.add(u2);
            assertThat(namesById(session)).containsExactly("edward", "jack");
            nested.commit();
            assertThat(namesById(session)).containsExactly("edward", "jack");
            session.commit();
            assertThat(u1.addresses).extracting(address -> address.email).containsExactly("foo", "bar");
            assertThat(u2.addresses).extracting(address -> address.email).containsExactly("bat");
        }
        assertThat(personNames()).containsExactly("edward", "jack");
        assertThat(Db.count(engine(), "SELECT COUNT(*) FROM address a JOIN person p ON p.id = a.person_id "
                + "WHERE p.name = 'edward'")).isEqualTo(2);
        assertThat(Db.count(engine(), "SELECT COUNT(*) FROM address a JOIN person p ON p.id = a.person_id "
                + "WHERE p.name = 'jack' AND a.email = 'bat'")).isEqualTo(1);
    }

    /** mirrors test/orm/test_transaction.py::SavepointTest::test_expunge_pending_on_rollback */
    @Test
    void test_expunge_pending_on_rollback_savepoint() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            session.beginNested();
            Person u2 = new Person("newuser");
            session.add(u2);
            assertThat(session.contains(u2)).isTrue();
            session.rollback();
            assertThat(session.contains(u2)).isFalse();
            assertThat(session.state(u2)).isEqualTo(EntityState.TRANSIENT);
        }
        assertThat(persons()).isZero();
    }

    /** mirrors test/orm/test_transaction.py::SavepointTest::test_update_deleted_on_rollback */
    @Test
    void test_update_deleted_on_rollback_savepoint() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("ed");
            session.add(u1);
            session.commit();
            session.beginNested();
            session.delete(u1);
            assertThat(session.state(u1)).isEqualTo(EntityState.DELETED);
            session.rollback();
            assertThat(session.contains(u1)).isTrue();
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            session.commit();
        }
        assertThat(personNames()).containsExactly("ed");
    }

    /**
     * mirrors test/orm/test_transaction.py::SavepointTest::test_savepoint_rollback (SQLAlchemy's documented example:
     * add u1, u2; beginNested; add u3; rollback the savepoint without a flush; commit writes u1 and u2 only).
     */
    @Test
    void test_savepoint_rollback_unflushed_pending() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person u1 = new Person("u1");
            Person u2 = new Person("u2");
            session.addAll(List.of(u1, u2));
            SessionTransaction nested = session.beginNested();
            Person u3 = new Person("u3");
            session.add(u3);
            nested.rollback();
            assertThat(session.state(u3)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            session.commit();
        }
        assertThat(personNames()).containsExactly("u1", "u2");
    }

    // ---- ContextManagerPlusFutureTest ----

    /** mirrors test/orm/test_transaction.py::ContextManagerPlusFutureTest::test_contextmanager_nested_rollback */
    @Test
    void test_contextmanager_nested_rollback() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            Person nameless = new Person(null);
            assertThatThrownBy(() -> {
                try (SessionTransaction nested = session.beginNested()) {
                    session.add(nameless); // name cannot be NULL
                    session.flush();
                }
            }).isInstanceOf(MapperException.class).isNotInstanceOf(PendingRollbackException.class);
            assertThat(session.state(nameless)).isEqualTo(EntityState.TRANSIENT);

            try (SessionTransaction nested = session.beginNested()) {
                session.add(new Person("u1"));
                nested.commit();
            }
            assertThat(session.query(Person.class).count()).isEqualTo(1);
            session.commit();
        }
        assertThat(personNames()).containsExactly("u1");
    }

    /** mirrors test/orm/test_transaction.py::ContextManagerPlusFutureTest::test_contextmanager_rollback */
    @Test
    void test_contextmanager_rollback() {
        try (Session session = sessions.open()) {
            session.add(new Person(null));
            assertThatThrownBy(session::commit).isInstanceOf(MapperException.class);
            session.rollback();
            assertThat(session.query(Person.class).count()).isZero();
        }
        try (Session session = sessions.open()) {
            session.add(new Person("u1"));
            session.commit();
            assertThat(session.query(Person.class).count()).isEqualTo(1);
        }
    }

    /** mirrors test/orm/test_transaction.py::ContextManagerPlusFutureTest::test_rollback_is_global */
    @Test
    void test_rollback_is_global() {
        requires(Feature.SAVEPOINTS);
        try (Session session = sessions.open()) {
            session.execute(Sql.text("INSERT INTO person (name) VALUES ('n1')"));
            session.beginNested();
            session.execute(Sql.text("INSERT INTO person (name) VALUES ('n2')"));
            session.execute(Sql.text("INSERT INTO person (name) VALUES ('n3')"));
            assertThat(((Number) session.execute(Sql.text("SELECT COUNT(*) FROM person")).scalar()).longValue())
                    .isEqualTo(3);
            session.rollback(); // the whole transaction
            assertThat(((Number) session.execute(Sql.text("SELECT COUNT(*) FROM person")).scalar()).longValue())
                    .isZero();
            session.commit();
        }
        assertThat(persons()).isZero();
    }

    // ---- NaturalPKRollbackTest ----

    /** mirrors test/orm/test_transaction.py::NaturalPKRollbackTest::test_rollback_recover */
    @Test
    void test_rollback_recover() {
        try (Session session = sessions.open()) {
            Handle u1 = new Handle("u1");
            Handle u2 = new Handle("u2");
            Handle u3 = new Handle("u3");
            session.addAll(List.of(u1, u2, u3));
            session.commit();

            session.delete(u2);
            session.flush(); // mapper has no "row switch": the DELETE goes out before the same key is added again
            Handle u4 = new Handle("u2");
            session.add(u4);
            session.flush();

            // SQLAlchemy adds a second "u3"; mapper refuses that at add(), so the duplicate key comes from a row the
            // session does not know about
            session.execute(Sql.text("INSERT INTO handle (name) VALUES ('u9')"));
            Handle u5 = new Handle("u9");
            session.add(u5);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);
            session.rollback();

            assertThat(session.state(u5)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(u4)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(u2)).isEqualTo(EntityState.PERSISTENT);
            assertThat(session.get(Handle.class, "u2")).isSameAs(u2);
            assertThat(session.get(Handle.class, "u3")).isSameAs(u3);
            session.commit();
        }
        assertThat(Db.strings(engine(), "SELECT name FROM handle ORDER BY name")).containsExactly("u1", "u2", "u3");
    }

    /** mirrors test/orm/test_transaction.py::NaturalPKRollbackTest::test_reloaded_deleted_checked_for_expiry */
    @Test
    void test_reloaded_deleted_checked_for_expiry() {
        try (Session session = sessions.open()) {
            Handle u1 = new Handle("u1");
            session.add(u1);
            session.flush();
            assertThat(session.query(Handle.class).first()).containsSame(u1);
            session.rollback();
            assertThat(session.state(u1)).isEqualTo(EntityState.TRANSIENT);

            Handle u2 = new Handle("u1");
            session.add(u2);
            session.commit();
            assertThat(session.state(u2)).isEqualTo(EntityState.PERSISTENT);
            assertThat(session.get(Handle.class, "u1")).isSameAs(u2);
        }
        assertThat(Db.strings(engine(), "SELECT name FROM handle")).containsExactly("u1");
    }

    /** mirrors test/orm/test_transaction.py::NaturalPKRollbackTest::test_key_replaced_by_oob_insert */
    @Test
    void test_key_replaced_by_oob_insert() {
        try (Session session = sessions.open()) {
            Handle u1 = new Handle("u1");
            session.add(u1);
            session.commit();

            session.delete(u1);
            session.flush();
            session.execute(Sql.text("INSERT INTO handle (name) VALUES ('u1')"));
            Handle u2 = session.get(Handle.class, "u1");
            assertThat(u2).isNotNull().isNotSameAs(u1);
            assertThat(session.contains(u1)).isFalse();

            session.rollback();
            assertThat(session.contains(u1)).isTrue();
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(session.contains(u2)).isFalse();
            assertThat(session.get(Handle.class, "u1")).isSameAs(u1);
        }
        assertThat(Db.rows(engine(), "handle")).isEqualTo(1);
    }
}
