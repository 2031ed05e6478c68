package io.mapper.benchmarks;

/**
 * One way of doing one workload: a competitor and, where it has several, the variant ("Core", "ORM entities").
 *
 * @param competitor the library ("raw JDBC", "mapper", "Hibernate", ...)
 * @param variant    the technique within the library
 * @param run        the timed work; returns the number of units it handled, checked against the workload's size
 */
public record Contender(String competitor, String variant, Run run) {

    /** The timed work of a contender. */
    @FunctionalInterface
    public interface Run {
        /** Does the work once and returns how many units (rows, selects, parents) it handled. */
        long run() throws Exception;
    }

    /** The name in the report. */
    public String label() {
        return variant.isEmpty() ? competitor : competitor + " " + variant;
    }

    /** Whether this is the reference every ratio is taken against. */
    public boolean isReference() {
        return competitor.equals(RAW_JDBC);
    }

    /** The name of the reference competitor. */
    public static final String RAW_JDBC = "raw JDBC";
}
