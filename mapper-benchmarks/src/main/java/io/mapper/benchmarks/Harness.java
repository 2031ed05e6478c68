package io.mapper.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Runs one workload's contenders on one database in rounds: in every round each contender runs (once, or again
 * while its runs are shorter than the profile's minimum sample), in a new shuffled order, and raw JDBC is one of them, so every ratio compares two runs made under the same conditions.
 * Warm-up rounds run until every contender's time is steady (two consecutive rounds within {@link
 * Profile.Rounds#WARM_WITHIN}); then rounds are measured until the last {@link Profile.Rounds#window()} of them
 * hold (every cell's spread within {@link Profile.Rounds#SPREAD_LIMIT}) or the cap is reached; the measurement is
 * that last window.
 *
 * <p>Each run is timed with {@link System#nanoTime()} and its allocation read with {@code
 * ThreadMXBean.getThreadAllocatedBytes} (all competitors run on this one thread, and so do the embedded databases,
 * whose allocation is therefore counted for everyone alike). {@code System.gc()} runs before each contender's
 * first run in a round, so no contender pays for another's garbage; a short run is repeated within the round
 * ({@link Profile.Rounds#minSampleMillis()}) and the round's figure is its mean. A run's untimed set-up and end ({@link Contender.Stage}) are outside both, and so is {@link Fixture#settle()} before each contender's runs in a
 * round (on PostgreSQL: {@code VACUUM} and {@code CHECKPOINT}, so that no run pays for its predecessors' writes).
 */
final class Harness {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Fixture fixture;
    private final Random random = new Random(7);

    Harness(Fixture fixture) {
        this.fixture = fixture;
    }

    /**
     * The measurements of one contender: one entry per measured round of the window.
     *
     * @param warmupRounds   warm-up rounds run before measuring
     * @param measuredRounds rounds measured in all (the window is the last of them)
     * @param attempt        which measurement of the workload this is: 1, or more when an earlier one did not hold
     *                       (see {@link Profile.Rounds#ATTEMPTS})
     */
    record Measurement(Contender contender, List<Long> nanos, List<Double> ratios, List<Long> allocatedBytes,
            int warmupRounds, int measuredRounds, int attempt) {

        /** Highest / lowest round of the cell: of the ratio, or of the time for raw JDBC. */
        double spread() {
            return contender.isReference() ? spreadOf(nanos) : spreadOf(ratios);
        }

        /** The same measurement, as the {@code attempt}-th of its workload. */
        Measurement asAttempt(int number) {
            return new Measurement(contender, nanos, ratios, allocatedBytes, warmupRounds, measuredRounds, number);
        }
    }

    /** The highest spread of a workload's cells. */
    static double worstSpread(List<Measurement> measurements) {
        double worst = 1;
        for (Measurement measurement : measurements) {
            worst = Math.max(worst, measurement.spread());
        }
        return worst;
    }

    /** Highest / lowest of {@code values}; 1 for a single value. */
    static double spreadOf(List<? extends Number> values) {
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (Number value : values) {
            lowest = Math.min(lowest, value.doubleValue());
            highest = Math.max(highest, value.doubleValue());
        }
        return lowest <= 0 ? Double.POSITIVE_INFINITY : highest / lowest;
    }

    /** One contender's run in one round: time and allocation. */
    private record Sample(long nanos, long allocated) {
    }

    /** Runs the workload and returns the measurements in the contenders' order, the reference first. */
    List<Measurement> run(WorkloadId workload, List<Contender> contenders) throws Exception {
        Profile.Rounds policy = fixture.profile().rounds();
        Contender reference = contenders.stream().filter(Contender::isReference).findFirst().orElseThrow(
                () -> new IllegalArgumentException(workload.label() + " has no raw JDBC contender to compare with"));

        int warmups = 0;
        Map<Contender, Sample> previous = null;
        while (warmups < policy.maxWarmup()) {
            Map<Contender, Sample> round = round(workload, contenders);
            warmups++;
            if (warmups >= policy.minWarmup() && previous != null && steady(previous, round)) {
                break;
            }
            previous = round;
        }

        Deque<Map<Contender, Sample>> window = new ArrayDeque<>();
        int measured = 0;
        do {
            window.addLast(round(workload, contenders));
            measured++;
            if (window.size() > policy.window()) {
                window.removeFirst();
            }
        } while (measured < policy.maxMeasured()
                && (window.size() < policy.window() || worstSpread(window, reference) > Profile.Rounds.SPREAD_LIMIT));

        List<Measurement> measurements = new ArrayList<>();
        for (Contender contender : contenders) {
            List<Long> nanos = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Long> allocated = new ArrayList<>();
            for (Map<Contender, Sample> round : window) {
                nanos.add(round.get(contender).nanos());
                allocated.add(round.get(contender).allocated());
                ratios.add((double) round.get(contender).nanos() / round.get(reference).nanos());
            }
            measurements.add(new Measurement(contender, nanos, ratios, allocated, warmups, measured, 1));
        }
        return measurements;
    }

    /** Whether every contender's time in {@code next} is within {@link Profile.Rounds#WARM_WITHIN} of {@code last}. */
    private static boolean steady(Map<Contender, Sample> last, Map<Contender, Sample> next) {
        for (Map.Entry<Contender, Sample> entry : next.entrySet()) {
            double a = entry.getValue().nanos();
            double b = last.get(entry.getKey()).nanos();
            if (Math.max(a, b) / Math.min(a, b) > Profile.Rounds.WARM_WITHIN) {
                return false;
            }
        }
        return true;
    }

    /** The highest spread over the window's cells (ratios; raw JDBC's time). */
    private static double worstSpread(Deque<Map<Contender, Sample>> window, Contender reference) {
        double worst = 1;
        for (Contender contender : window.getFirst().keySet()) {
            List<Double> values = new ArrayList<>();
            for (Map<Contender, Sample> round : window) {
                double nanos = round.get(contender).nanos();
                values.add(contender == reference ? nanos : nanos / round.get(reference).nanos());
            }
            worst = Math.max(worst, spreadOf(values));
        }
        return worst;
    }

    /** One round: every contender once, in a new shuffled order. */
    private Map<Contender, Sample> round(WorkloadId workload, List<Contender> contenders) throws Exception {
        int units = workload.units(fixture.profile());
        List<Contender> order = new ArrayList<>(contenders);
        Collections.shuffle(order, random);
        Map<Contender, Sample> samples = new LinkedHashMap<>();
        String table = workload.insertTable();
        long minNanos = fixture.profile().rounds().minSampleMillis() * 1_000_000L;
        long maxWallNanos = Profile.Rounds.MAX_SAMPLE_MILLIS * 1_000_000L;
        for (Contender contender : order) {
            fixture.settle();
            long elapsed = 0;
            long allocated = 0;
            int runs = 0;
            long wallStart = System.nanoTime();
            do {
                Sample run = runOnce(workload, contender, units, table, runs == 0);
                elapsed += run.nanos();
                allocated += run.allocated();
                runs++;
            } while (elapsed < minNanos && System.nanoTime() - wallStart < maxWallNanos);
            elapsed /= runs;
            allocated /= runs;
            samples.put(contender, new Sample(elapsed, allocated));
        }
        return samples;
    }

    /**
     * One timed run of a contender, its untimed set-up and end around it, with the checks of what it did.
     * {@code System.gc()} runs before a contender's first run of a round, so that it does not pay for another's
     * garbage; its later runs in the round share the cost of its own.
     */
    private Sample runOnce(WorkloadId workload, Contender contender, int units, @Nullable String table,
            boolean first) throws Exception {
        if (table != null) {
            fixture.clear(table);
        }
        long handled;
        long elapsed;
        long allocated;
        try {
            Contender.Stage stage = contender.stager().prepare();
            if (first) {
                System.gc();
            }
            long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            handled = stage.run();
            elapsed = System.nanoTime() - start;
            allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
            stage.finish();
            if (table != null && fixture.count(table) != units) {
                throw new AssertionError(table + " holds " + fixture.count(table) + " rows after the run, "
                        + "expected " + units);
            }
        } catch (Exception | AssertionError e) {
            throw new IllegalStateException(workload.label() + " failed for " + contender.label() + " on "
                    + fixture.database() + ": " + e, e);
        }
        if (handled != units) {
            throw new IllegalStateException(workload.label() + ": " + contender.label() + " on "
                    + fixture.database() + " handled " + handled + " " + workload.unit() + "s, expected " + units);
        }
        return new Sample(elapsed, allocated);
    }
}
