package io.mapper.orm;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.InvalidRequestException;
import io.mapper.exception.ResourceClosedException;
import io.mapper.orm.model.Address;
import io.mapper.orm.model.User;
import io.mapper.orm.model.UserFixture;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;

/** The session's object lifecycle, identity map, autoflush and queries, on every backend. */
class SessionIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = UserFixture.withUsers(engine(), new User("spongebob", "Spongebob Squarepants"),
                new User("sandy", "Sandy Cheeks"), new User("patrick", "Patrick Star"));
        recorder.clear();
    }

    @Test
    void objectStatesFollowTheLifecycle() {
        User gary = new User("gary", "Gary the Snail");
        try (Session session = sessions.open()) {
            assertThat(session.state(gary)).isEqualTo(EntityState.TRANSIENT);
            session.add(gary);
            assertThat(session.state(gary)).isEqualTo(EntityState.PENDING);
            session.flush();
            assertThat(session.state(gary)).isEqualTo(EntityState.PERSISTENT);
            session.delete(gary);
            assertThat(session.state(gary)).isEqualTo(EntityState.DELETED);
            session.flush();
            assertThat(session.contains(gary)).isFalse();
            session.rollback();
            assertThat(session.state(gary)).isEqualTo(EntityState.TRANSIENT);
        }
        assertThat(gary.getId()).isNull();
    }

    @Test
    void identityMapReturnsOneInstancePerKey() {
        try (Session session = sessions.open()) {
            User fromQuery = session.query(User.class).filterBy("name", "sandy").one();
            User fromGet = session.get(User.class, fromQuery.getId());
            User fromAnotherQuery = session.scalars(select(User.class).where(User.ID.eq(fromQuery.getId()))).one();
            assertThat(fromGet).isSameAs(fromQuery).isSameAs(fromAnotherQuery);
            assertThat(recorder.count()).isEqualTo(2);
            assertThat(session.get(User.class, 424242L)).isNull();
        }
    }

    @Test
    void autoflushMakesQueriesSeePendingChanges() {
        try (Session session = sessions.open()) {
            session.add(new User("gary", "Gary"));
            assertThat(session.query(User.class).count()).isEqualTo(4);
            session.add(new User("larry", "Larry"));
            session.autoflush(false);
            assertThat(session.query(User.class).count()).isEqualTo(4);
            session.autoflush(true);
            assertThat(session.noAutoflush(() -> session.query(User.class).count())).isEqualTo(4);
            assertThat(session.query(User.class).count()).isEqualTo(5);
        }
    }

    @Test
    void objectsStayUsableAfterCommitAndAreReloadedWhenReturnedAgain() {
        try (Session session = sessions.open(); Session other = sessions.open()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            session.commit();
            assertThat(sandy.getFullname()).isEqualTo("Sandy Cheeks");
            User elsewhere = other.query(User.class).filterBy("name", "sandy").one();
            elsewhere.setFullname("Sandy the Squirrel");
            other.commit();
            recorder.clear();
            User again = session.get(User.class, sandy.getId());
            assertThat(again).isSameAs(sandy);
            assertThat(sandy.getFullname()).isEqualTo("Sandy the Squirrel");
            assertThat(recorder.count()).isEqualTo(1);
        }
    }

    @Test
    void refreshDiscardsUnflushedChanges() {
        try (Session session = sessions.open()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            sandy.setFullname("changed");
            session.refresh(sandy);
            assertThat(sandy.getFullname()).isEqualTo("Sandy Cheeks");
            assertThat(session.isModified(sandy)).isFalse();
        }
    }

    @Test
    void mergeCopiesADetachedObjectOntoTheSessionsInstance() {
        User detached;
        try (Session session = sessions.open()) {
            detached = session.query(User.class).filterBy("name", "patrick").one();
        }
        detached.setFullname("Patrick Star, Esq.");
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.add(detached)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("merge");
            User merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(session.isModified(merged)).isTrue();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(User.class, detached.getId()).getFullname()).isEqualTo("Patrick Star, Esq.");
        }
    }

    @Test
    void nestedTransactionRollbackRestoresTheSession() {
        try (Session session = sessions.open()) {
            User gary = new User("gary", "Gary");
            session.add(gary);
            try (SessionTransaction nested = session.beginNested()) {
                User larry = new User("larry", "Larry");
                session.add(larry);
                session.flush();
                assertThat(larry.getId()).isNotNull();
                nested.rollback();
                assertThat(session.state(larry)).isEqualTo(EntityState.TRANSIENT);
                assertThat(larry.getId()).isNull();
            }
            session.commit();
            assertThat(gary.getId()).isNotNull();
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).count()).isEqualTo(4);
            assertThat(session.query(User.class).filterBy("name", "larry").oneOrNull()).isNull();
        }
    }

    @Test
    void bulkUpdateThroughTheSessionExpiresLoadedObjects() {
        try (Session session = sessions.open()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            long changed = session.execute(Sql.update(User.TABLE).set(User.FULLNAME, "Everyone")
                    .where(User.NAME.ne("nobody"))).rowCount();
            assertThat(changed).isEqualTo(3);
            session.get(User.class, sandy.getId());
            assertThat(sandy.getFullname()).isEqualTo("Everyone");
        }
    }

    @Test
    void queriesProjectColumnsAndRecords() {
        record NameOnly(String name) {
        }
        try (Session session = sessions.open()) {
            List<NameOnly> names = session.execute(Sql.select(User.NAME).from(User.TABLE).orderBy(User.NAME))
                    .into(NameOnly.class);
            assertThat(names).extracting(NameOnly::name).containsExactly("patrick", "sandy", "spongebob");
            assertThat(session.query(User.class).orderBy(User.NAME.desc()).limit(2).offset(1).all())
                    .extracting(User::getName).containsExactly("sandy", "patrick");
            assertThat(session.query(User.class).orderBy(User.NAME).first()).hasValueSatisfying(
                    user -> assertThat(user.getName()).isEqualTo("patrick"));
            assertThatThrownBy(() -> session.query(User.class).filterBy("nmae", "x"))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("fullname");
        }
    }

    @Test
    void listenersSeeEveryWrite() {
        List<String> events = new ArrayList<>();
        SessionFactory audited = SessionFactory.builder(engine()).entities(User.class, Address.class)
                .listener(new SessionListener() {
                    @Override
                    public void beforeInsert(Object entity) {
                        events.add("beforeInsert " + ((User) entity).getName());
                    }

                    @Override
                    public void beforeUpdate(Object entity) {
                        ((User) entity).setFullname(((User) entity).getFullname() + " @" + Instant.EPOCH);
                        events.add("beforeUpdate " + ((User) entity).getName());
                    }

                    @Override
                    public void afterDelete(Object entity) {
                        events.add("afterDelete " + ((User) entity).getName());
                    }

                    @Override
                    public void afterFlush(Session session) {
                        events.add("afterFlush");
                    }
                }).build();
        try (Session session = audited.open()) {
            session.add(new User("gary", "Gary"));
            session.flush();
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            sandy.setFullname("Sandy");
            session.flush();
            session.delete(sandy);
            session.commit();
            assertThat(sandy.getFullname()).isEqualTo("Sandy @1970-01-01T00:00:00Z");
        }
        assertThat(events).containsExactly("beforeInsert gary", "afterFlush", "beforeUpdate sandy", "afterFlush",
                "afterDelete sandy", "afterFlush");
    }

    @Test
    void misuseIsReportedClearly() {
        Session session = sessions.open();
        assertThatThrownBy(() -> session.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> session.add("not an entity")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("java.lang.String").hasMessageContaining("@Entity");
        assertThatThrownBy(() -> session.delete(new User("x", "y"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not in this session");
        assertThatThrownBy(() -> session.get(User.class, "not a number")).isInstanceOf(ArgumentException.class);
        session.close();
        assertThatThrownBy(() -> session.query(User.class)).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("sessionFactory.open()");
        assertThatThrownBy(() -> SessionFactory.builder(engine()).build()).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("scan(");
    }

    @Test
    void secondThreadUsingABusySessionIsReported() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SessionFactory slow = SessionFactory.builder(engine()).entities(User.class, Address.class)
                .listener(new SessionListener() {
                    @Override
                    public void beforeInsert(Object entity) {
                        inside.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build();
        try (Session session = slow.open()) {
            session.add(new User("gary", "Gary"));
            CompletableFuture<Void> flushing = CompletableFuture.runAsync(session::flush);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                assertThatThrownBy(() -> session.query(User.class).all()).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("not thread-safe");
            } finally {
                release.countDown();
            }
            flushing.get(10, TimeUnit.SECONDS);
        }
    }
}
