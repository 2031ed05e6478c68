package io.mapper.benchmarks;

/**
 * The sizes of the workloads and the number of rounds. {@code full} has the sizes; {@code quick} a tenth
 * of them, for developers; {@code tiny} proves the code works (the unit test) and measures nothing.
 *
 * @param name            the profile's name on the command line
 * @param bulkRows        W1 rows inserted and W2 rows updated
 * @param resultRows      W3 rows read (and the size of {@code bench_item})
 * @param shortOperations W4 selects and W5 inserts
 * @param parents         W6 parents (each with {@link #CHILDREN} children)
 * @param warmupRounds    rounds run and thrown away first
 * @param rounds          rounds measured
 */
public record Profile(String name, int bulkRows, int resultRows, int shortOperations, int parents, int warmupRounds,
        int rounds) {

    /** Children per parent in W6. */
    public static final int CHILDREN = 10;

    /** The sizes. */
    public static final Profile FULL = new Profile("full", 100_000, 200_000, 10_000, 1_000, 1, 3);
    /** A tenth of the sizes. */
    public static final Profile QUICK = new Profile("quick", 10_000, 20_000, 1_000, 100, 1, 5);
    /** Just enough to run every workload once. */
    public static final Profile TINY = new Profile("tiny", 50, 100, 10, 5, 0, 1);

    /** The profile called {@code name}. */
    public static Profile named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "quick" -> QUICK;
            case "tiny" -> TINY;
            default -> throw new IllegalArgumentException("Unknown profile '" + name + "': use quick, full or tiny.");
        };
    }
}
