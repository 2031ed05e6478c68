package io.mapper.orm;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.model.Address;
import io.mapper.orm.model.User;
import io.mapper.testing.BackendTest;

/** SQLAlchemy's ORM Quick Start, replayed on every backend, asserting the statements and their order. */
class QuickStartIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(User.class, Address.class).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private boolean returning() {
        return engine().dialect().supportsReturning(io.mapper.sql.Operation.INSERT);
    }

    @Test
    void quickStart() {
        User spongebob = new User("spongebob", "Spongebob Squarepants");
        User sandy = new User("sandy", "Sandy Cheeks");
        User patrick = new User("patrick", "Patrick Star");
        try (Session session = sessions.open()) {
            session.addAll(List.of(spongebob, sandy, patrick));
            session.flush();
            session.addAll(List.of(new Address("spongebob@sqlalchemy.org", spongebob.getId()),
                    new Address("sandy@sqlalchemy.org", sandy.getId()),
                    new Address("sandy@squirrelpower.org", sandy.getId())));
            session.commit();
        }
        assertThat(List.of(spongebob.getId(), sandy.getId(), patrick.getId())).doesNotContainNull()
                .doesNotHaveDuplicates().isSorted();
        // One round trip per table: the three users in one multi-row INSERT (or one JDBC batch), then addresses.
        assertThat(recorder.statements()).hasSize(2);
        assertThat(recorder.sql().get(0)).contains("INSERT INTO user_account (name, fullname) VALUES (?, ?)");
        assertThat(recorder.sql().get(1)).contains("INSERT INTO address (email_address, user_id) VALUES (?, ?)");
        if (returning()) {
            // RETURNING, or H2's equivalent SELECT ... FROM FINAL TABLE (INSERT ...).
            assertThat(recorder.sql().get(0)).contains("VALUES (?, ?), (?, ?), (?, ?)");
        } else {
            assertThat(recorder.statements().get(0).batchSize()).isEqualTo(3);
        }

        recorder.clear();
        try (Session session = sessions.open()) {
            List<User> found = session.scalars(select(User.class).where(User.NAME.in("spongebob", "sandy"))
                    .orderBy(User.ID)).all();
            assertThat(found).extracting(User::getName).containsExactly("spongebob", "sandy");
            User sandyAgain = session.get(User.class, sandy.getId());
            // Identity map: the same instance, and no SQL.
            assertThat(sandyAgain).isSameAs(found.get(1));
            assertThat(recorder.count()).isEqualTo(1);
            assertThat(recorder.sql().get(0)).isEqualTo("SELECT user_account.id, user_account.name, "
                    + "user_account.fullname FROM user_account WHERE user_account.name IN (?, ?) ORDER BY "
                    + "user_account.id");

            sandyAgain.setFullname("Sandy Squirrel");
            assertThat(session.isModified(sandyAgain)).isTrue();
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).containsExactly("UPDATE user_account SET fullname = ? WHERE user_account.id = ?");

            recorder.clear();
            User patrickLoaded = session.query(User.class).filterBy("name", "patrick").one();
            session.delete(patrickLoaded);
            session.commit();
            assertThat(recorder.sql()).hasSize(2);
            assertThat(recorder.sql().get(1)).isEqualTo("DELETE FROM user_account WHERE user_account.id = ?");
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).orderBy(User.ID).all()).extracting(User::getFullname)
                    .containsExactly("Spongebob Squarepants", "Sandy Squirrel");
            assertThat(session.query(User.class).count()).isEqualTo(2);
        }
    }
}
