package io.mapper.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.exception.IntegrityException;
import io.mapper.orm.model.Address;
import io.mapper.orm.model.User;
import io.mapper.testing.BackendTest;

/**
 * The hooks for transaction managers outside mapper: {@link Session#mark()}/{@link Session#restore(SessionMark)}
 * (for savepoints someone else sets) and {@link SessionListener#flushFailed}, on every backend.
 */
class SessionMarkIT extends BackendTest {

    private final List<String> heard = new ArrayList<>();
    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(User.class, Address.class)
                .listener(new SessionListener() {
                    @Override
                    public void afterFlush(Session session) {
                        heard.add("afterFlush");
                    }

                    @Override
                    public void flushFailed(Session session, RuntimeException error) {
                        heard.add("flushFailed " + error.getClass().getSimpleName());
                    }
                }).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            session.addAll(List.of(new User("spongebob", "Spongebob Squarepants"), new User("sandy", "Sandy Cheeks")));
            session.commit();
        }
        heard.clear();
    }

    @Test
    void restoreBringsBackStatusesValuesAndForgetsNewObjects() {
        try (Session session = sessions.open()) {
            User spongebob = session.query(User.class).filterBy("name", "spongebob").one();
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            User pendingBefore = new User("patrick", "Patrick Star");
            session.add(pendingBefore);
            spongebob.setFullname("changed before the mark");
            SessionMark mark = session.mark();

            User addedAfter = new User("gary", "Gary the Snail");
            session.add(addedAfter);
            session.delete(sandy);
            spongebob.setFullname("changed after the mark");
            pendingBefore.setFullname("changed after the mark too");
            session.restore(mark);

            assertThat(session.contains(addedAfter)).isFalse();
            assertThat(session.state(addedAfter)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(sandy)).isEqualTo(EntityState.PERSISTENT);
            assertThat(session.state(pendingBefore)).isEqualTo(EntityState.PENDING);
            assertThat(pendingBefore.getFullname()).isEqualTo("Patrick Star");
            assertThat(spongebob.getFullname()).isEqualTo("changed before the mark");
            assertThat(session.isModified(spongebob)).isTrue();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).count()).isEqualTo(3);
            assertThat(session.query(User.class).filterBy("name", "spongebob").one().getFullname())
                    .isEqualTo("changed before the mark");
            assertThat(session.query(User.class).filterBy("name", "gary").oneOrNull()).isNull();
        }
    }

    @Test
    void aMarkBelongsToItsSession() {
        try (Session one = sessions.open(); Session other = sessions.open()) {
            SessionMark mark = one.mark();
            assertThatThrownBy(() -> other.restore(mark)).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("another session");
        }
    }

    @Test
    void listenersHearAFailedFlush() {
        try (Session session = sessions.open()) {
            User duplicate = new User("sandy", "a second sandy");
            session.add(duplicate);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);
            session.rollback();
            assertThat(session.contains(duplicate)).isFalse();
            session.add(new User("pearl", "Pearl Krabs"));
            session.flush();
        }
        assertThat(heard).containsExactly("flushFailed IntegrityException", "afterFlush");
    }
}
