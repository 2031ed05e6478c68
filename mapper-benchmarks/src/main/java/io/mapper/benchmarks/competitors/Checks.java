package io.mapper.benchmarks.competitors;

import io.mapper.benchmarks.Profile;

/** Checks a competitor's answer, so that a run that silently did less work is caught, not measured. */
final class Checks {

    private Checks() {
    }

    /** Fails unless every parent came with its {@link Profile#CHILDREN} children; returns the parent count. */
    static long parentsWithChildren(int parents, long children) {
        if (children != (long) parents * Profile.CHILDREN) {
            throw new AssertionError(parents + " parents came with " + children + " children, expected "
                    + (long) parents * Profile.CHILDREN);
        }
        return parents;
    }

    /** Fails when a generated key is missing. */
    static void key(Object key) {
        if (key == null) {
            throw new AssertionError("a generated key was not returned");
        }
    }
}
