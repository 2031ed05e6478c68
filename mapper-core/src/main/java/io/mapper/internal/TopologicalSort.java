package io.mapper.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders items so that each comes after the items it depends on, keeping the input order wherever the dependencies
 * allow (so the result is deterministic). Cycles are broken rather than refused: when only items on cycles remain,
 * the first of them in input order is placed and its dependencies on unplaced items are reported as broken edges,
 * which the caller must satisfy some other way (for tables: ALTER TABLE ADD CONSTRAINT afterwards).
 */
public final class TopologicalSort {

    /** A dependency that the order does not satisfy: {@code item} comes before {@code dependency}. */
    public record Edge<T>(T item, T dependency) {
    }

    /**
     * The sorted items and the dependencies broken to get past cycles.
     *
     * @param order every input item once, dependencies first
     * @param brokenEdges dependencies the order violates, empty when there was no cycle
     */
    public record Result<T>(List<T> order, List<Edge<T>> brokenEdges) {
    }

    private TopologicalSort() {
    }

    /**
     * Sorts {@code items}; {@code dependencies} gives, for each item, the items it must come after. Dependencies on
     * items outside {@code items} and on the item itself are ignored.
     */
    public static <T> Result<T> sort(Collection<T> items, Function<T, ? extends Collection<T>> dependencies) {
        List<T> input = List.copyOf(new LinkedHashSet<>(items));
        Set<T> known = new HashSet<>(input);
        List<T> order = new ArrayList<>(input.size());
        Set<T> placed = new HashSet<>();
        List<Edge<T>> broken = new ArrayList<>();
        while (order.size() < input.size()) {
            T next = null;
            for (T item : input) {
                if (!placed.contains(item) && pending(item, dependencies, known, placed).isEmpty()) {
                    next = item;
                    break;
                }
            }
            if (next == null) {
                next = firstOnCycle(input, dependencies, known, placed);
                for (T dependency : pending(next, dependencies, known, placed)) {
                    broken.add(new Edge<>(next, dependency));
                }
            }
            order.add(next);
            placed.add(next);
        }
        return new Result<>(List.copyOf(order), List.copyOf(broken));
    }

    private static <T> List<T> pending(T item, Function<T, ? extends Collection<T>> dependencies, Set<T> known,
            Set<T> placed) {
        List<T> result = new ArrayList<>();
        for (T dependency : dependencies.apply(item)) {
            if (known.contains(dependency) && !dependency.equals(item) && !placed.contains(dependency)) {
                result.add(dependency);
            }
        }
        return result;
    }

    private static <T> T firstOnCycle(List<T> input, Function<T, ? extends Collection<T>> dependencies, Set<T> known,
            Set<T> placed) {
        for (T candidate : input) {
            if (!placed.contains(candidate) && reachesItself(candidate, dependencies, known, placed)) {
                return candidate;
            }
        }
        // Unreachable: when no item is free, following pending dependencies from any item must end in a cycle.
        throw new IllegalStateException("no item is free and none is on a cycle");
    }

    private static <T> boolean reachesItself(T start, Function<T, ? extends Collection<T>> dependencies, Set<T> known,
            Set<T> placed) {
        Deque<T> stack = new ArrayDeque<>(pending(start, dependencies, known, placed));
        Set<T> seen = new HashSet<>();
        while (!stack.isEmpty()) {
            T item = stack.pop();
            if (item.equals(start)) {
                return true;
            }
            if (seen.add(item)) {
                stack.addAll(pending(item, dependencies, known, placed));
            }
        }
        return false;
    }
}
