package io.mapper.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopologicalSortTest {

    @Test
    void keepsInputOrderWhereDependenciesAllow() {
        Map<String, List<String>> deps = Map.of("c", List.of("a"), "b", List.of(), "a", List.of());
        TopologicalSort.Result<String> result = TopologicalSort.sort(List.of("c", "b", "a"), deps::get);
        assertThat(result.order()).containsExactly("b", "a", "c");
        assertThat(result.brokenEdges()).isEmpty();
    }

    @Test
    void ignoresSelfReferencesAndUnknownItems() {
        Map<String, List<String>> deps = Map.of("a", List.of("a", "zz"), "b", List.of("a"));
        assertThat(TopologicalSort.sort(List.of("b", "a"), deps::get).order()).containsExactly("a", "b");
    }

    @Test
    void breaksOnlyEdgesOnCycles() {
        // d depends on a cycle (a <-> b) but is not on it: its edge must not be broken.
        Map<String, List<String>> deps = Map.of("d", List.of("a"), "a", List.of("b"), "b", List.of("a"),
                "c", List.of());
        TopologicalSort.Result<String> result = TopologicalSort.sort(List.of("d", "a", "b", "c"), deps::get);
        assertThat(result.order()).containsExactly("c", "a", "d", "b");
        assertThat(result.brokenEdges()).containsExactly(new TopologicalSort.Edge<>("a", "b"));
    }
}
