package io.mapper.benchmarks;

import java.util.List;

/**
 * The sizes of the workloads, the rounds of the harness and the iterations of JMH. {@code full} has the issue's
 * sizes; {@code quick} a tenth of them, for developers; {@code tiny} proves the code works (the unit test) and
 * measures nothing.
 *
 * @param name            the profile's name on the command line
 * @param bulkRows        W1 rows inserted and W2 rows updated
 * @param resultRows      W3 rows read (and the size of {@code bench_item})
 * @param shortOperations W4, W4b and W5 operations per run (one pass)
 * @param parents         W6 parents (each with {@link #CHILDREN} children)
 * @param scaleSizes      the three sizes of the scaling workloads: new objects per flush (W1-flush) and loaded
 *                        objects per session (flush-loaded)
 * @param rounds          how the harness warms up and measures
 * @param jmh             how JMH runs the per-operation workloads
 */
public record Profile(String name, int bulkRows, int resultRows, int shortOperations, int parents,
        List<Integer> scaleSizes, Rounds rounds, Jmh jmh) {

    /** Children per parent in W6. */
    public static final int CHILDREN = 10;

    /** Rows of {@code bench_item} a JMH fork seeds: enough for random primary keys, cheap to seed per fork. */
    public static final int JMH_ITEM_ROWS = 20_000;

    /**
     * The harness's rounds. Warm-up rounds run until every contender's time in two consecutive rounds is within
     * {@link #WARM_WITHIN} of each other (at least {@code minWarmup}, at most {@code maxWarmup}); then rounds are
     * measured until the last {@code window} of them have every cell's spread (highest / lowest round) within
     * {@link #SPREAD_LIMIT}, or {@code maxMeasured} rounds were run. The report shows the last window.
     *
     * <p>A contender whose run is short (W6, the smallest scaling sizes) runs again within the round until its timed
     * runs add up to {@code minSampleMillis} (or {@link #MAX_SAMPLE_MILLIS} of wall time, set-up included, have
     * passed); the round's figure is the mean per run. One run of a few milliseconds is at the mercy of one
     * collection or one scheduler hiccup; a fifth of a second of them is not.
     */
    public record Rounds(int minWarmup, int maxWarmup, int window, int maxMeasured, int minSampleMillis) {

        /** Rounds whose contenders run once each, however short their run. */
        public Rounds(int minWarmup, int maxWarmup, int window, int maxMeasured) {
            this(minWarmup, maxWarmup, window, maxMeasured, 0);
        }

        /** The wall time after which a contender's runs in one round stop, even short of {@code minSampleMillis}. */
        public static final int MAX_SAMPLE_MILLIS = 1_000;

        /** Two warm-up rounds closer than this (slower / faster) end the warm-up. */
        public static final double WARM_WITHIN = 1.10;
        /** The highest spread (highest / lowest round of a cell) a figure may have to count as holding. */
        public static final double SPREAD_LIMIT = 1.25;

        /**
         * How many times a workload is measured at most on one database: one whose window did not hold is measured
         * again after the database's other workloads (a burst of load from outside the process can outlast a
         * workload's rounds), and the attempt with the lowest worst spread is reported, with its number.
         */
        public static final int ATTEMPTS = 2;
    }

    /**
     * JMH's settings for the per-operation workloads (W4, W4b, W5), run with {@code -prof gc}.
     *
     * @param forks              JVMs per benchmark (each contender and database gets its own)
     * @param warmupIterations   warm-up iterations per fork
     * @param iterations         measured iterations per fork
     * @param iterationMillis    length of one iteration
     */
    public record Jmh(int forks, int warmupIterations, int iterations, int iterationMillis) {

        /**
         * The estimated time of one fork in seconds: its iterations plus about 10 s of JVM start, seeding, the
         * competitor's start (Hibernate's is the longest) and shut-down.
         */
        public double forkSeconds() {
            return (warmupIterations + iterations) * iterationMillis / 1000.0 + 10;
        }
    }

    /** The sizes. */
    public static final Profile FULL = new Profile("full", 100_000, 200_000, 10_000, 1_000,
            List.of(1_000, 10_000, 100_000), new Rounds(2, 8, 5, 12, 200), new Jmh(2, 4, 5, 1_000));
    /** A tenth of the sizes. */
    public static final Profile QUICK = new Profile("quick", 10_000, 20_000, 1_000, 100,
            List.of(100, 1_000, 10_000), new Rounds(1, 5, 5, 8, 100), new Jmh(1, 2, 3, 500));
    /** Just enough to run every workload once. */
    public static final Profile TINY = new Profile("tiny", 50, 100, 10, 5, List.of(10, 20, 50),
            new Rounds(0, 0, 1, 1), new Jmh(1, 1, 1, 100));

    public Profile {
        if (scaleSizes.size() != 3) {
            throw new IllegalArgumentException("A profile has three scaling sizes, not " + scaleSizes);
        }
        if (scaleSizes.get(2) > resultRows) {
            throw new IllegalArgumentException("Sessions of " + scaleSizes.get(2) + " loaded objects need at least "
                    + "as many rows in bench_item, but the profile seeds " + resultRows);
        }
    }

    /** The profile called {@code name}. */
    public static Profile named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "quick" -> QUICK;
            case "tiny" -> TINY;
            default -> throw new IllegalArgumentException("Unknown profile '" + name + "': use quick, full or tiny.");
        };
    }

    /** This profile with other rounds (for profiling one workload at length with JFR). */
    public Profile withRounds(Rounds other) {
        return new Profile(name + "-custom", bulkRows, resultRows, shortOperations, parents, scaleSizes, other, jmh);
    }

    /** The sizes a JMH fork seeds: the per-operation workloads read only {@code bench_item}, by primary key. */
    public Profile forJmh() {
        int rows = Math.min(resultRows, JMH_ITEM_ROWS);
        return new Profile(name, bulkRows, rows, shortOperations, parents,
                List.of(Math.min(scaleSizes.get(0), rows), Math.min(scaleSizes.get(1), rows),
                        Math.min(scaleSizes.get(2), rows)), rounds, jmh);
    }
}
