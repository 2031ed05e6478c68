package io.mapper.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs one workload's contenders on one database: warm-up rounds, then measured rounds, the contenders of each
 * round in a new shuffled order, raw JDBC in every round. Each run is timed with {@link System#nanoTime()} and its
 * allocation read with {@code ThreadMXBean.getThreadAllocatedBytes} (all competitors run on this one thread, and so
 * do the embedded databases, whose allocation is therefore counted for everyone alike).
 */
final class Harness {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Fixture fixture;
    private final Random random = new Random(7);

    Harness(Fixture fixture) {
        this.fixture = fixture;
    }

    /** The measurements of one contender: one entry per measured round. */
    record Measurement(Contender contender, List<Long> nanos, List<Double> ratios, List<Long> allocatedBytes) {
    }

    /** Runs the workload and returns the measurements in the contenders' order, the reference first. */
    List<Measurement> run(WorkloadId workload, List<Contender> contenders) throws Exception {
        int units = workload.units(fixture.profile());
        Map<Contender, Measurement> results = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            results.put(contender, new Measurement(contender, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        Contender reference = contenders.stream().filter(Contender::isReference).findFirst().orElseThrow();
        int total = fixture.profile().warmupRounds() + fixture.profile().rounds();
        for (int round = 0; round < total; round++) {
            boolean measured = round >= fixture.profile().warmupRounds();
            List<Contender> order = new ArrayList<>(contenders);
            Collections.shuffle(order, random);
            Map<Contender, long[]> thisRound = new LinkedHashMap<>();
            for (Contender contender : order) {
                if (workload.writesInserts()) {
                    fixture.clearInserts();
                }
                System.gc();
                long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                long handled;
                try {
                    handled = contender.run().run();
                } catch (Exception | AssertionError e) {
                    throw new IllegalStateException(workload.label() + " failed for " + contender.label() + " on "
                            + fixture.database() + ": " + e, e);
                }
                long elapsed = System.nanoTime() - start;
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
                if (handled != units) {
                    throw new IllegalStateException(workload.label() + ": " + contender.label() + " on "
                            + fixture.database() + " handled " + handled + " " + workload.unit() + "s, expected "
                            + units);
                }
                thisRound.put(contender, new long[] {elapsed, allocated});
            }
            if (measured) {
                double referenceNanos = thisRound.get(reference)[0];
                for (Map.Entry<Contender, long[]> entry : thisRound.entrySet()) {
                    Measurement measurement = results.get(entry.getKey());
                    measurement.nanos().add(entry.getValue()[0]);
                    measurement.allocatedBytes().add(entry.getValue()[1]);
                    measurement.ratios().add(entry.getValue()[0] / referenceNanos);
                }
            }
        }
        return new ArrayList<>(results.values());
    }
}
