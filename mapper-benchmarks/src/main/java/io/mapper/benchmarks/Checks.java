package io.mapper.benchmarks;

import io.mapper.benchmarks.model.HItem;
import io.mapper.benchmarks.model.ItemBean;
import io.mapper.benchmarks.model.ItemRecord;
import io.mapper.benchmarks.model.MItem;

/** Checks a competitor's answer, so that a run that silently did less work is caught, not measured. */
public final class Checks {

    private Checks() {
    }

    /** Fails unless every parent came with its {@link Profile#CHILDREN} children; returns the parent count. */
    public static long parentsWithChildren(int parents, long children) {
        if (children != (long) parents * Profile.CHILDREN) {
            throw new AssertionError(parents + " parents came with " + children + " children, expected "
                    + (long) parents * Profile.CHILDREN);
        }
        return parents;
    }

    /** Fails when a generated key is missing. */
    public static void key(@org.jspecify.annotations.Nullable Object key) {
        if (key == null) {
            throw new AssertionError("a generated key was not returned");
        }
        if (key instanceof Number number && number.longValue() <= 0) {
            throw new AssertionError("a generated key was " + key + ", not a positive number");
        }
    }

    /**
     * Checks the result of the {@code index}-th operation of a per-operation workload: W4 and W4b must have read
     * the seeded row {@code fixture.selectIds()[index]} (its key and name), W5 must have got a key back.
     */
    public static void operation(WorkloadId workload, Fixture fixture, int index,
            @org.jspecify.annotations.Nullable Object result) {
        switch (workload) {
            case W4_PK_SELECT, W4B_SHORT_QUERY -> item(result, fixture.selectIds()[index]);
            case W5_SINGLE_INSERT -> key(result);
            default -> throw new IllegalArgumentException(workload.label() + " is not a per-operation workload");
        }
    }

    /** Fails unless {@code result} is the seeded row of {@code bench_item} with key {@code id}, in any form. */
    public static void item(@org.jspecify.annotations.Nullable Object result, long id) {
        Object key;
        String name;
        switch (result) {
            case ItemRecord item -> {
                key = item.id();
                name = item.name();
            }
            case MItem item -> {
                key = item.getId();
                name = item.getName();
            }
            case HItem item -> {
                key = item.getId();
                name = item.getName();
            }
            case ItemBean item -> {
                key = item.getId();
                name = item.getName();
            }
            case null -> throw new AssertionError("no row was found for id " + id);
            default -> throw new AssertionError("a select returned a " + result.getClass().getName());
        }
        if (!(key instanceof Long value) || value != id || !Fixture.name((int) id).equals(name)) {
            throw new AssertionError("the select for id " + id + " returned id " + key + " named '" + name + "'");
        }
    }
}
