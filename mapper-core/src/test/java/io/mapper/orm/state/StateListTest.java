package io.mapper.orm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The session's ordered set of tracked states: order kept, constant-time removal, one list per state. */
class StateListTest {

    private static InstanceState state(String name) {
        return new InstanceState(name, new Object(), InstanceState.Status.PENDING);
    }

    private static List<Object> entities(Iterable<InstanceState> states) {
        List<Object> entities = new ArrayList<>();
        states.forEach(state -> entities.add(state.entity()));
        return entities;
    }

    @Test
    void keepsInsertionOrderThroughRemovalsAndReAdds() {
        StateList list = new StateList();
        InstanceState a = state("a");
        InstanceState b = state("b");
        InstanceState c = state("c");
        InstanceState d = state("d");
        list.add(a);
        list.add(b);
        list.add(c);
        assertThat(list.add(b)).as("a state already held keeps its place").isFalse();
        assertThat(entities(list)).containsExactly("a", "b", "c");

        assertThat(list.remove(b)).isTrue();
        assertThat(list.remove(b)).isFalse();
        list.add(d);
        list.add(b);
        assertThat(entities(list)).containsExactly("a", "c", "d", "b");
        assertThat(list).hasSize(4).contains(a, b, c, d);

        list.remove(a);    // the head
        list.remove(b);    // the tail
        assertThat(entities(list)).containsExactly("c", "d");
        assertThat(list.contains(a)).isFalse();
    }

    @Test
    void aStateMovesWhenAnotherListTakesIt() {
        StateList first = new StateList();
        StateList second = new StateList();
        InstanceState a = state("a");
        InstanceState b = state("b");
        first.add(a);
        first.add(b);
        second.add(a);
        assertThat(entities(first)).containsExactly("b");
        assertThat(entities(second)).containsExactly("a");
    }

    @Test
    void iteratorRemovesAndClearLetsStatesGo() {
        StateList list = new StateList();
        InstanceState a = state("a");
        InstanceState b = state("b");
        InstanceState c = state("c");
        list.addAll(List.of(a, b, c));
        Iterator<InstanceState> iterator = list.iterator();
        iterator.next();
        iterator.next();
        iterator.remove();
        assertThat(entities(list)).containsExactly("a", "c");

        list.clear();
        assertThat(list).isEmpty();
        StateList other = new StateList();
        other.add(a);
        assertThat(entities(other)).containsExactly("a");
    }
}
