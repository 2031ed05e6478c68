package io.mapper.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.mapper.orm.state.InstanceState;

/** {@link EntityIndex} against {@link IdentityHashMap} as the oracle, through growth, removal and clearing. */
class EntityIndexTest {

    private static InstanceState stateOf(Object entity) {
        return new InstanceState(entity, new Object(), InstanceState.Status.PENDING);
    }

    @Test
    void randomPutsAndRemovesAgreeWithAnIdentityHashMap() {
        EntityIndex index = new EntityIndex();
        Map<Object, InstanceState> oracle = new IdentityHashMap<>();
        List<Object> entities = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            entities.add(new Object());
        }
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            Object entity = entities.get(random.nextInt(entities.size()));
            int action = random.nextInt(10);
            if (action < 6) {
                InstanceState state = stateOf(entity);
                assertThat(index.put(state)).isSameAs(oracle.put(entity, state));
            } else if (action < 9) {
                assertThat(index.remove(entity)).isSameAs(oracle.remove(entity));
            } else {
                assertThat(index.get(entity)).isSameAs(oracle.get(entity));
            }
            assertThat(index.size()).isEqualTo(oracle.size());
        }
        for (Object entity : entities) {
            assertThat(index.get(entity)).isSameAs(oracle.get(entity));
        }
    }

    @Test
    void equalButDistinctObjectsAreDifferentKeys() {
        EntityIndex index = new EntityIndex();
        String first = new String("same");
        String second = new String("same");
        InstanceState state = stateOf(first);
        index.put(state);
        assertThat(index.get(first)).isSameAs(state);
        assertThat(index.get(second)).isNull();
        assertThat(index.remove(second)).isNull();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void growsPastManyThousandsAndClears() {
        EntityIndex index = new EntityIndex();
        List<InstanceState> states = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            InstanceState state = stateOf(new Object());
            states.add(state);
            assertThat(index.put(state)).isNull();
        }
        assertThat(index.size()).isEqualTo(100_000);
        for (InstanceState state : states) {
            assertThat(index.get(state.entity())).isSameAs(state);
        }
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.get(states.get(0).entity())).isNull();
    }
}
