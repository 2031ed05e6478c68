package io.mapper.orm;

/**
 * A transaction level opened for a savepoint that a transaction manager outside mapper set on the session's
 * connection (Spring's {@code PROPAGATION_NESTED}), from {@link Session#mark()}; {@link Session#restore} brings the
 * session back to it when that savepoint is rolled back, exactly as {@link SessionTransaction#rollback()} does for a
 * savepoint of {@code beginNested()}. Because the session may hold unflushed changes when the manager sets the
 * savepoint, taking a mark records every tracked object, so it costs time in proportion to the session's size.
 * Not thread-safe.
 */
public final class SessionMark {

    private final DefaultSession session;
    private final SessionTransaction level;

    SessionMark(DefaultSession session, SessionTransaction level) {
        this.session = session;
        this.level = level;
    }

    DefaultSession session() {
        return session;
    }

    SessionTransaction level() {
        return level;
    }
}
