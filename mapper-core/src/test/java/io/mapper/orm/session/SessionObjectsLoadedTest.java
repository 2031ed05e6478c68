package io.mapper.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.mapper.orm.state.IdentityKey;
import io.mapper.orm.state.InstanceState;

/**
 * {@link SessionObjects#trackLoaded}: objects built from rows join the index by object identity only when something
 * looks one up that way, and every view of the session sees them as tracked all along.
 */
class SessionObjectsLoadedTest {

    private final SessionObjects objects = new SessionObjects();

    private InstanceState loaded(long id) {
        InstanceState state = new InstanceState(new Object(), new Object(), InstanceState.Status.PERSISTENT);
        state.key(new IdentityKey(Object.class, id));
        objects.trackLoaded(state);
        return state;
    }

    @Test
    void loadedObjectsAreFoundByObjectByKeyAndInOrder() {
        InstanceState first = loaded(1);
        InstanceState second = loaded(2);

        assertThat(objects.size()).isEqualTo(2);
        assertThat(objects.get(new IdentityKey(Object.class, 2L))).isSameAs(second);
        assertThat(objects.view()).containsExactly(first, second);
        assertThat(objects.contains(first.entity())).isTrue();
        assertThat(objects.stateOf(second.entity())).isSameAs(second);
        assertThat(objects.contains(new Object())).isFalse();
        assertThat(objects.size()).isEqualTo(2);
    }

    @Test
    void aLoadedObjectCanBeForgottenBeforeAnyLookUp() {
        InstanceState first = loaded(1);
        InstanceState second = loaded(2);

        objects.forget(first);

        assertThat(objects.size()).isEqualTo(1);
        assertThat(objects.contains(first.entity())).isFalse();
        assertThat(objects.get(new IdentityKey(Object.class, 1L))).isNull();
        assertThat(objects.view()).containsExactly(second);
    }

    @Test
    void trackingALoadedStateAgainKeepsOneEntry() {
        InstanceState first = loaded(1);
        loaded(2);

        objects.track(first);    // as a rollback re-tracks what it restored

        assertThat(objects.size()).isEqualTo(2);
        assertThat(objects.view()).hasSize(2).containsOnlyOnce(first);
        assertThat(objects.stateOf(first.entity())).isSameAs(first);
    }

    @Test
    void objectsTrackedAfterLoadedOnesAreIndexedWithThem() {
        InstanceState first = loaded(1);
        InstanceState added = new InstanceState(new Object(), new Object(), InstanceState.Status.PENDING);
        objects.track(added);
        InstanceState third = loaded(3);

        assertThat(objects.stateOf(first.entity())).isSameAs(first);
        assertThat(objects.stateOf(added.entity())).isSameAs(added);
        assertThat(objects.stateOf(third.entity())).isSameAs(third);
        assertThat(objects.pending()).containsExactly(added);
        assertThat(objects.size()).isEqualTo(3);
    }

    @Test
    void clearAndReleaseDropDeferredObjectsToo() {
        InstanceState first = loaded(1);
        objects.clear();
        assertThat(objects.size()).isZero();
        assertThat(objects.contains(first.entity())).isFalse();

        InstanceState second = loaded(2);
        objects.release();
        assertThat(objects.size()).isZero();
        assertThat(objects.contains(second.entity())).isFalse();
    }

    @Test
    void onlyPersistentObjectsWithAKeyAreTakenAsLoaded() {
        InstanceState pending = new InstanceState(new Object(), new Object(), InstanceState.Status.PENDING);
        assertThatThrownBy(() -> objects.trackLoaded(pending)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("persistent object with its key");
        InstanceState keyless = new InstanceState(new Object(), new Object(), InstanceState.Status.PERSISTENT);
        assertThatThrownBy(() -> objects.trackLoaded(keyless)).isInstanceOf(IllegalStateException.class);
        assertThat(objects.size()).isZero();
    }
}
