package io.mapper.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.IsolationLevel;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.model.User;
import io.mapper.orm.model.UserFixture;
import io.mapper.testing.BackendTest;

/**
 * Sessions over an {@link IsolationLevel#AUTOCOMMIT} engine: reads without a transaction (SQLAlchemy's
 * {@code sessionmaker(bind=engine.execution_options(isolation_level="AUTOCOMMIT"))}, the read-only pattern of its
 * "Setting Transaction Isolation Levels" docs), and flushes refused so that no unit of work is half written.
 */
class AutocommitSessionIT extends BackendTest {

    private SessionFactory sessions;
    private SessionFactory autocommit;

    @BeforeEach
    void createTables() {
        sessions = UserFixture.withUsers(engine(), new User("spongebob", "Spongebob Squarepants"),
                new User("sandy", "Sandy Cheeks"));
        autocommit = sessions.withEngine(engine().withIsolationLevel(IsolationLevel.AUTOCOMMIT));
        recorder.clear();
    }

    @Test
    void readsRunWithoutATransactionAndKeepTheIdentityMap() {
        try (Session session = autocommit.open()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            assertThat(session.get(User.class, sandy.getId())).isSameAs(sandy);
            assertThat(session.query(User.class).count()).isEqualTo(2);
            session.commit();
            session.rollback();
        }
        assertThat(recorder.count()).isEqualTo(2);
    }

    @Test
    void aFlushWithChangesIsRefusedAndWritesNothing() {
        try (Session session = autocommit.open()) {
            User sandy = session.query(User.class).filterBy("name", "sandy").one();
            sandy.setFullname("Sandy Cheeks of Texas");
            session.add(new User("patrick", "Patrick Star"));
            assertThatThrownBy(session::commit).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("IsolationLevel.AUTOCOMMIT")
                    .hasMessageContaining("session.rollback()");
            session.rollback();
            // The session stays usable for reads after the refusal.
            assertThat(session.query(User.class).count()).isEqualTo(2);
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).filterBy("name", "sandy").one().getFullname())
                    .isEqualTo("Sandy Cheeks");
        }
    }

    @Test
    void savepointsAreRefused() {
        requires(io.mapper.testing.Feature.SAVEPOINTS);
        try (Session session = autocommit.open()) {
            assertThatThrownBy(session::beginNested).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("AUTOCOMMIT");
        }
    }
}
