package io.mapper.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The bind parameters of a statement with their keys, assigned in traversal order ({@code name_1}, {@code name_2},
 * ...): the keys depend only on the statement's structure, so equal structures compile to equal SQL. Also finds the
 * statement's common table expressions, inner ones first.
 */
public final class BoundParameters {

    // Sized for the usual statement (a few parameters, a few dozen elements): the default tables are larger.
    private final Map<BindParameter<?>, String> keys = new IdentityHashMap<>(8);
    private final Map<String, @Nullable Object> values = new LinkedHashMap<>();
    private @Nullable Map<String, Cte> ctes;
    private final Map<String, Integer> counters = new HashMap<>();
    private final Set<ClauseElement> visited = Collections.newSetFromMap(new IdentityHashMap<>(16));
    private final List<String> occurrences = new ArrayList<>();
    private boolean shared;

    private BoundParameters() {
    }

    /** Walks {@code root} and assigns a key to each distinct parameter. */
    public static BoundParameters of(ClauseElement root) {
        BoundParameters parameters = new BoundParameters();
        parameters.walk(root);
        if (parameters.shared) {
            // A subtree met twice was walked once; the occurrences must count it each time.
            parameters.occurrences.clear();
            parameters.recordOccurrences(root);
        }
        return parameters;
    }

    private void walk(ClauseElement element) {
        if (element instanceof BindParameter<?> parameter) {
            String key = keys.get(parameter);
            if (key == null) {
                key = nextKey(parameter.baseName());
                keys.put(parameter, key);
                values.put(key, parameter.bound());
            }
            occurrences.add(key);
            return;
        }
        List<? extends ClauseElement> children = element.children();
        if (children.isEmpty() && !(element instanceof Cte)) {
            return;    // a leaf (a column, a table): nothing to find
        }
        if (!visited.add(element)) {
            shared = true;
            return;
        }
        for (ClauseElement child : children) {
            walk(child);
        }
        if (element instanceof Cte cte) {
            addCte(cte);
        }
    }

    /** The key of every parameter occurrence in a full traversal, shared subtrees walked each time. */
    private void recordOccurrences(ClauseElement element) {
        if (element instanceof BindParameter<?> parameter) {
            occurrences.add(keys.get(parameter));
            return;
        }
        for (ClauseElement child : element.children()) {
            recordOccurrences(child);
        }
    }

    private void addCte(Cte cte) {
        Map<String, Cte> ctes = this.ctes;
        if (ctes == null) {
            ctes = new LinkedHashMap<>();
            this.ctes = ctes;
        }
        Cte known = ctes.get(cte.name());
        if (known == null || cte.restates(known)) {
            // A recursive CTE's full form restates its anchor; the full form is the one to render.
            ctes.remove(cte.name());
            ctes.put(cte.name(), cte);
        }
    }

    private String nextKey(String baseName) {
        while (true) {
            int next = counters.merge(baseName, 1, Integer::sum);
            String key = baseName + "_" + next;
            if (!values.containsKey(key)) {
                return key;
            }
        }
    }

    /** The key of a parameter of this statement. */
    public String keyOf(BindParameter<?> parameter) {
        String key = keys.get(parameter);
        if (key == null) {
            throw new IllegalStateException("The parameter " + parameter + " is not part of the compiled statement");
        }
        return key;
    }

    /** The values by key, in traversal order. */
    public Map<String, @Nullable Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * The key of each parameter occurrence, in full traversal order. Statements that are equal in structure may still
     * share parameter objects differently ({@code select(p, p)} against {@code select(literal(5), literal(6))}), which
     * gives them different keys; this list tells them apart in cache keys.
     */
    public List<String> occurrenceKeys() {
        return Collections.unmodifiableList(occurrences);
    }

    /** The common table expressions the statement refers to, each once, those used by others first. */
    public List<Cte> ctes() {
        return ctes == null ? new ArrayList<>() : new ArrayList<>(ctes.values());
    }
}
