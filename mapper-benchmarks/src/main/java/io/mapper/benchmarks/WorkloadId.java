package io.mapper.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * The workloads of issues 8 and 13 (W2 and W6 in two forms each), with what one run does and what it counts.
 * The per-operation workloads (W4, W4b, W5) are measured with JMH in a full run; the harness runs them too when
 * JMH is off (the unit test, {@code --jmh=false}).
 */
public enum WorkloadId {

    W1_BULK_INSERT("W1", "bulk insert, keys returned", "row"),
    W1_KEYS_GIVEN("W1-keys-given", "bulk insert, keys given by the application (no RETURNING)", "row"),
    W2_BULK_UPDATE("W2", "bulk update by primary key (new values in memory)", "row"),
    W2_ORM_UPDATE("W2-orm", "load rows, change each, flush (ORM style bulk update)", "row"),
    W3_LARGE_RESULT("W3", "large result set", "row"),
    W4_PK_SELECT("W4", "short selects by primary key, one session/connection each", "select"),
    W4B_SHORT_QUERY("W4b", "short queries built per call, one session/connection per pass", "select"),
    W5_SINGLE_INSERT("W5", "single insert + commit, key returned", "insert"),
    W6_SELECT_IN("W6-selectin", "parents with 10 children: parents, then children by IN", "parent"),
    W6_JOINED("W6-joined", "parents with 10 children: one LEFT JOIN", "parent"),
    W1_FLUSH_SMALL("W1-flush-1", "new objects in one flush, keys returned (smallest size)", "row"),
    W1_FLUSH_MEDIUM("W1-flush-2", "new objects in one flush, keys returned (middle size)", "row"),
    W1_FLUSH_LARGE("W1-flush-3", "new objects in one flush, keys returned (largest size)", "row"),
    FLUSH_LOADED_SMALL("flush-loaded-1", "10 of the loaded objects changed, then flush (smallest session)",
            "changed object"),
    FLUSH_LOADED_MEDIUM("flush-loaded-2", "10 of the loaded objects changed, then flush (middle session)",
            "changed object"),
    FLUSH_LOADED_LARGE("flush-loaded-3", "10 of the loaded objects changed, then flush (largest session)",
            "changed object");

    /** Objects changed in each flush-loaded run. */
    public static final int CHANGED = 10;

    private final String label;
    private final String description;
    private final String unit;

    WorkloadId(String label, String description, String unit) {
        this.label = label;
        this.description = description;
        this.unit = unit;
    }

    /** The short name in the report and on the command line. */
    public String label() {
        return label;
    }

    /** What one run does. */
    public String description() {
        return description;
    }

    /** What the allocation per operation is counted per. */
    public String unit() {
        return unit;
    }

    /** How many units one run handles under {@code profile}. */
    public int units(Profile profile) {
        return switch (this) {
            case W1_BULK_INSERT, W1_KEYS_GIVEN, W2_BULK_UPDATE, W2_ORM_UPDATE -> profile.bulkRows();
            case W3_LARGE_RESULT -> profile.resultRows();
            case W4_PK_SELECT, W4B_SHORT_QUERY, W5_SINGLE_INSERT -> profile.shortOperations();
            case W6_SELECT_IN, W6_JOINED -> profile.parents();
            case W1_FLUSH_SMALL, W1_FLUSH_MEDIUM, W1_FLUSH_LARGE -> scaleSize(profile);
            case FLUSH_LOADED_SMALL, FLUSH_LOADED_MEDIUM, FLUSH_LOADED_LARGE -> CHANGED;
        };
    }

    /** The size of a scaling workload under {@code profile}: new objects per flush, or loaded objects. */
    public int scaleSize(Profile profile) {
        return switch (this) {
            case W1_FLUSH_SMALL, FLUSH_LOADED_SMALL -> profile.scaleSizes().get(0);
            case W1_FLUSH_MEDIUM, FLUSH_LOADED_MEDIUM -> profile.scaleSizes().get(1);
            case W1_FLUSH_LARGE, FLUSH_LOADED_LARGE -> profile.scaleSizes().get(2);
            default -> throw new IllegalStateException(label + " is not a scaling workload");
        };
    }

    /** The size of a scaling workload under {@code profile}, or {@code otherwise} for the other workloads. */
    public int scaleSizeOr(Profile profile, int otherwise) {
        return isScaling() ? scaleSize(profile) : otherwise;
    }

    /** Whether this is one of the scaling workloads (W1-flush, flush-loaded). */
    public boolean isScaling() {
        return this.compareTo(W1_FLUSH_SMALL) >= 0;
    }

    /** Whether JMH measures this workload in a full run: one short operation at a time. */
    public boolean isPerOperation() {
        return this == W4_PK_SELECT || this == W4B_SHORT_QUERY || this == W5_SINGLE_INSERT;
    }

    /** The table each run writes new rows to, emptied before every run and counted after it; null for reads. */
    public @Nullable String insertTable() {
        return switch (this) {
            case W1_BULK_INSERT, W5_SINGLE_INSERT, W1_FLUSH_SMALL, W1_FLUSH_MEDIUM, W1_FLUSH_LARGE -> "bench_insert";
            case W1_KEYS_GIVEN -> "bench_insert_keyed";
            default -> null;
        };
    }

    /** The workload labelled {@code label} on the command line. */
    public static WorkloadId labelled(String label) {
        for (WorkloadId workload : values()) {
            if (workload.label.equalsIgnoreCase(label.trim())) {
                return workload;
            }
        }
        throw new IllegalArgumentException("Unknown workload '" + label + "': use one of W1, W1-keys-given, W2, "
                + "W2-orm, W3, W4, W4b, W5, W6-selectin, W6-joined, W1-flush-1..3, flush-loaded-1..3.");
    }
}
