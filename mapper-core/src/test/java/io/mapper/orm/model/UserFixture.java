package io.mapper.orm.model;

import java.util.List;

import io.mapper.engine.Engine;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;

/** The users-and-addresses fixture of SQLAlchemy's ORM tests: a session factory over the tables, with users saved. */
public final class UserFixture {

    private UserFixture() {
    }

    /** Creates the tables on {@code engine}, commits {@code users}, and returns the session factory. */
    public static SessionFactory withUsers(Engine engine, User... users) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(User.class, Address.class).build();
        sessions.metadata().createAll(engine);
        try (Session session = sessions.open()) {
            session.addAll(List.of(users));
            session.commit();
        }
        return sessions;
    }
}
