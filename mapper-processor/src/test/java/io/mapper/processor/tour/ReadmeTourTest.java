package io.mapper.processor.tour;

import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mapper.engine.Engine;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;

/** The README's ORM tour, run as written (with the generated User_ metamodel). */
class ReadmeTourTest {

    @Test
    void tourRunsAsWritten() {
        // ---- from README.md, "A first look at the ORM" ----
        Engine engine = Engine.create("jdbc:h2:mem:tour");
        SessionFactory sessions = SessionFactory.builder(engine).entities(User.class).build();
        sessions.metadata().createAll(engine);                 // CREATE TABLE user_account (...)

        User sandy = new User("sandy", "Sandy Cheeks");
        try (Session session = sessions.open()) {
            session.addAll(List.of(new User("spongebob", "Spongebob Squarepants"), sandy,
                    new User("patrick", "Patrick Star")));
            session.commit();                                  // one multi-row INSERT; ids read back

            List<User> found = session.scalars(select(User.class)
                    .where(User_.name.in("spongebob", "sandy"))
                    .orderBy(User_.name)).all();
            User same = session.get(User.class, sandy.getId()); // identity map: same instance, no SQL
            same.setFullname("Sandy Squirrel");                // dirty tracking: UPDATE of one column
            User patrick = session.query(User.class).filterBy("name", "patrick").one();
            session.delete(patrick);
            session.commit();                                  // UPDATE, then DELETE, in one transaction
            // ---- end of the README excerpt ----
            assertThat(found).extracting(User::getName).containsExactly("sandy", "spongebob");
            assertThat(same).isSameAs(sandy);
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(User.class).orderBy(User_.name).all()).extracting(User::getFullname)
                    .containsExactly("Sandy Squirrel", "Spongebob Squarepants");
        }
        engine.dispose();
    }
}
