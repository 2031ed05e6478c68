package io.mapper.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;

/** {@link SessionObjects#expireAll()}: one step of the session's expiry clock expires every tracked state. */
class SessionObjectsExpiryTest {

    private final SessionObjects objects = new SessionObjects();

    private InstanceState loaded(long id) {
        InstanceState state = new InstanceState(new Object(), new Object(), InstanceState.Status.PERSISTENT);
        state.key(new IdentityKey(Object.class, id));
        objects.track(state);
        state.committed(new Object[] {id});
        return state;
    }

    @Test
    void expireAllExpiresEveryTrackedStateUntilItIsLoadedAgain() {
        InstanceState first = loaded(1);
        InstanceState second = loaded(2);
        assertThat(first.isExpired()).isFalse();

        objects.expireAll();

        assertThat(first.isExpired()).isTrue();
        assertThat(second.isExpired()).isTrue();
        second.committed(new Object[] {2L});    // reloaded by a query
        assertThat(second.isExpired()).isFalse();
        assertThat(first.isExpired()).isTrue();
    }

    @Test
    void statesTrackedAfterwardsAreCurrentAndRetrackingDoesNotUnexpire() {
        InstanceState old = loaded(1);
        objects.expireAll();
        InstanceState fresh = loaded(2);
        assertThat(fresh.isExpired()).isFalse();

        // A rollback forgets and tracks a state again: it stays expired.
        objects.forget(old);
        objects.track(old);
        assertThat(old.isExpired()).isTrue();
    }

    @Test
    void expiringOneStateDoesNotTouchTheOthers() {
        InstanceState first = loaded(1);
        InstanceState second = loaded(2);
        first.expire();
        assertThat(first.isExpired()).isTrue();
        assertThat(second.isExpired()).isFalse();
    }
}
