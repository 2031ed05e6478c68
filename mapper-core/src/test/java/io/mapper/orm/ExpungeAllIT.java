package io.mapper.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.model.User;
import io.mapper.orm.model.UserFixture;
import io.mapper.testing.BackendTest;

/**
 * {@link Session#expungeAll()}, SQLAlchemy's {@code Session.expunge_all()}: mirrors
 * {@code test/orm/test_session.py::NewStyleExecutionTest::test_unbuffered_result_before_session_is_closed} (the
 * {@code expunge_all} variant: loaded objects become detached), the expunge-then-re-add steps of
 * {@code SessionStateTest::test_autoflush_expressions} / {@code test_expunge} (an expunged object is no longer in the
 * session and its unflushed changes are not written), and the bulk pattern of SQLAlchemy's
 * {@code examples/performance/bulk_inserts.py} (flush, then forget, per chunk).
 */
class ExpungeAllIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = UserFixture.withUsers(engine(), new User("spongebob", "Spongebob Squarepants"),
                new User("sandy", "Sandy Cheeks"));
    }

    @Test
    void loadedObjectsBecomeDetachedAndKeepTheirValues() {
        try (Session session = sessions.open()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            assertThat(session.state(sandy)).isEqualTo(EntityState.PERSISTENT);

            session.expungeAll();

            assertThat(session.contains(sandy)).isFalse();
            assertThat(session.state(sandy)).isEqualTo(EntityState.DETACHED);
            assertThat(sandy.getFullname()).isEqualTo("Sandy Cheeks");
            // The identity map is empty: the same row loads as a new instance.
            User again = session.get(User.class, sandy.getId());
            assertThat(again).isNotSameAs(sandy).isNotNull();
            assertThat(again.getName()).isEqualTo("sandy");
        }
    }

    @Test
    void unflushedChangesAndPendingObjectsAreNeverWritten() {
        try (Session session = sessions.open()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            sandy.setFullname("changed, never flushed");
            User patrick = new User("patrick", "Patrick Star");
            session.add(patrick);

            session.expungeAll();

            assertThat(session.state(patrick)).isEqualTo(EntityState.TRANSIENT);
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE"));
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).count()).isEqualTo(2);
            assertThat(session.query(User.class).filterBy("name", "sandy").one().getFullname())
                    .isEqualTo("Sandy Cheeks");
        }
    }

    @Test
    void whatWasFlushedStaysInTheTransaction() {
        try (Session session = sessions.open()) {
            session.add(new User("patrick", "Patrick Star"));
            session.flush();
            session.expungeAll();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).filterBy("name", "patrick").one().getFullname())
                    .isEqualTo("Patrick Star");
            session.add(new User("squidward", "Squidward Tentacles"));
            session.flush();
            session.expungeAll();
            session.rollback();
            assertThat(session.query(User.class).filterBy("name", "squidward").all()).isEmpty();
        }
    }

    @Test
    void flushThenExpungePerChunkInsertsEveryRowWithItsKey() {
        List<User> all = new ArrayList<>();
        try (Session session = sessions.open()) {
            for (int i = 0; i < 250; i++) {
                User user = new User("user" + i, "User " + i);
                all.add(user);
                session.add(user);
                if ((i + 1) % 100 == 0) {
                    session.flush();
                    session.expungeAll();
                }
            }
            session.commit();
        }
        assertThat(all).allSatisfy(user -> assertThat(user.getId()).isNotNull());
        assertThat(all.stream().map(User::getId).distinct()).hasSize(250);
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).count()).isEqualTo(252);
        }
    }

    @Test
    void aClosedSessionRefuses() {
        Session session = sessions.open();
        session.close();
        assertThatThrownBy(session::expungeAll).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("closed");
    }
}
