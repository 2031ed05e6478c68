package io.mapper.orm.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.testing.BackendTest;

/** Rows that refer to themselves or to each other are inserted, then linked by a post-update. */
class CycleIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Employee.class).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    @Test
    void aRowThatRefersToItselfIsLinkedAfterItsInsert() {
        try (Session session = sessions.open()) {
            Employee boss = new Employee("boss");
            boss.manager = boss;
            session.add(boss);
            session.commit();
        }
        assertThat(recorder.sql()).hasSize(2);
        assertThat(recorder.sql().get(1)).startsWith("UPDATE employee SET manager_id = ?");
        try (Session session = sessions.open()) {
            Employee boss = session.query(Employee.class).filterBy("name", "boss").one();
            assertThat(boss.manager).isSameAs(boss);
        }
    }

    @Test
    void twoRowsThatReferToEachOtherAreLinkedByAPostUpdate() {
        try (Session session = sessions.open()) {
            Employee alice = new Employee("alice");
            Employee bob = new Employee("bob");
            alice.manager = bob;
            bob.manager = alice;
            Employee carol = new Employee("carol");
            carol.manager = alice;
            session.addAll(List.of(alice, bob, carol));
            session.commit();
        }
        try (Session session = sessions.open()) {
            Employee alice = session.query(Employee.class).filterBy("name", "alice").one();
            Employee bob = session.query(Employee.class).filterBy("name", "bob").one();
            Employee carol = session.query(Employee.class).filterBy("name", "carol").one();
            assertThat(alice.manager).isSameAs(bob);
            assertThat(bob.manager).isSameAs(alice);
            assertThat(carol.manager).isSameAs(alice);
        }
    }
}
