package io.mapper.orm;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;

/**
 * A copy of a {@link Session}'s state taken when a transaction manager outside mapper set a savepoint on the
 * session's connection (Spring's {@code PROPAGATION_NESTED}), from {@link Session#mark()}; {@link Session#restore}
 * brings the session back to it when that savepoint is rolled back. Taking one copies every tracked object's values,
 * so it costs time in proportion to the session's size. Not thread-safe.
 */
public final class SessionMark {

    /** One tracked object as it was. */
    record Entry(InstanceState state, InstanceState.Status status, @Nullable IdentityKey key,
            @Nullable Object @Nullable [] committed, boolean expired, @Nullable Object[] values) {
    }

    private final DefaultSession session;
    private final int logSize;
    private final List<Entry> entries;
    private final List<InstanceState> pending;
    private final List<InstanceState> deleted;

    SessionMark(DefaultSession session, int logSize, List<Entry> entries, List<InstanceState> pending,
            List<InstanceState> deleted) {
        this.session = session;
        this.logSize = logSize;
        this.entries = entries;
        this.pending = pending;
        this.deleted = deleted;
    }

    DefaultSession session() {
        return session;
    }

    int logSize() {
        return logSize;
    }

    List<Entry> entries() {
        return entries;
    }

    List<InstanceState> pending() {
        return pending;
    }

    List<InstanceState> deleted() {
        return deleted;
    }
}
