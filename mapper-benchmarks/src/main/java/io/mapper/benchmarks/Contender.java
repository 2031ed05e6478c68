package io.mapper.benchmarks;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One way of doing one workload: a competitor and, where it has several, the variant ("Core", "ORM entities").
 * A run is staged: {@link Stager#prepare()} does the untimed set-up (loading a session for flush-loaded, opening
 * a pass for W4b), the stage's {@link Stage#run()} is the timed work, and {@link Stage#finish()} the untimed
 * clean-up and checks.
 *
 * @param competitor the library ("raw JDBC", "mapper", "Hibernate", ...)
 * @param variant    the technique within the library
 * @param stager     prepares each run
 * @param operations for a per-operation workload (W4, W4b, W5): the single operation JMH measures, which the
 *                   stager runs in a loop; null for the other workloads
 */
public record Contender(String competitor, String variant, Stager stager, @Nullable Operations operations) {

    /** The timed work of a contender that needs no untimed set-up. */
    @FunctionalInterface
    public interface Run {
        /** Does the work once and returns how many units (rows, selects, parents) it handled. */
        long run() throws Exception;
    }

    /** Prepares one run (not timed). */
    @FunctionalInterface
    public interface Stager {
        /** Does the set-up of a run and returns its timed part. */
        Stage prepare() throws Exception;
    }

    /** One prepared run. */
    @FunctionalInterface
    public interface Stage {
        /** The timed work; returns how many units it handled, checked against the workload's size. */
        long run() throws Exception;

        /** Ends the run (not timed): commits or closes, and checks what the run wrote. */
        default void finish() throws Exception {
        }
    }

    /** A contender whose whole run is timed. */
    public static Contender of(String competitor, String variant, Run run) {
        return new Contender(competitor, variant, () -> run::run, null);
    }

    /** A contender whose run has an untimed set-up and end. */
    public static Contender staged(String competitor, String variant, Stager stager) {
        return new Contender(competitor, variant, stager, null);
    }

    /**
     * A contender of a per-operation workload: a run is one pass of {@link Profile#shortOperations()} operations,
     * each checked ({@link Checks#operation}).
     */
    public static Contender perOperation(String competitor, String variant, WorkloadId workload, Fixture fixture,
            Operations operations) {
        Stager stager = () -> {
            Operations.Pass pass = operations.open();
            return new Stage() {
                @Override
                public long run() throws Exception {
                    int n = fixture.profile().shortOperations();
                    for (int i = 0; i < n; i++) {
                        Checks.operation(workload, fixture, i, pass.run(i));
                    }
                    return n;
                }

                @Override
                public void finish() throws Exception {
                    pass.close();
                }
            };
        };
        return new Contender(competitor, variant, stager, operations);
    }

    /** The name in the report. */
    public String label() {
        return variant.isEmpty() ? competitor : competitor + " " + variant;
    }

    /** The name as a JMH parameter: {@code raw}, {@code mapper-core}, {@code mapper-orm}, {@code hibernate}. */
    public String slug() {
        String base = isReference() ? "raw" : competitor.toLowerCase(Locale.ROOT);
        return variant.isEmpty() ? base
                : base + "-" + variant.toLowerCase(Locale.ROOT).replace(' ', '-').replace("(", "").replace(")", "");
    }

    /** Whether this is the reference every ratio is taken against. */
    public boolean isReference() {
        return competitor.equals(RAW_JDBC);
    }

    /** The name of the reference competitor. */
    public static final String RAW_JDBC = "raw JDBC";
}
