package io.mapper.benchmarks;

/** The workloads of issue 8 (W2 and W6 in two forms each), with what one run does and what it counts. */
public enum WorkloadId {

    W1_BULK_INSERT("W1", "bulk insert, keys returned", "row"),
    W2_BULK_UPDATE("W2", "bulk update by primary key (new values in memory)", "row"),
    W2_ORM_UPDATE("W2-orm", "load rows, change each, flush (ORM style bulk update)", "row"),
    W3_LARGE_RESULT("W3", "large result set", "row"),
    W4_PK_SELECT("W4", "short selects by primary key, one session/connection each", "select"),
    W5_SINGLE_INSERT("W5", "single insert + commit, key returned", "insert"),
    W6_SELECT_IN("W6-selectin", "parents with 10 children: parents, then children by IN", "parent"),
    W6_JOINED("W6-joined", "parents with 10 children: one LEFT JOIN", "parent");

    private final String label;
    private final String description;
    private final String unit;

    WorkloadId(String label, String description, String unit) {
        this.label = label;
        this.description = description;
        this.unit = unit;
    }

    /** The short name in the report. */
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
            case W1_BULK_INSERT, W2_BULK_UPDATE, W2_ORM_UPDATE -> profile.bulkRows();
            case W3_LARGE_RESULT -> profile.resultRows();
            case W4_PK_SELECT, W5_SINGLE_INSERT -> profile.shortOperations();
            case W6_SELECT_IN, W6_JOINED -> profile.parents();
        };
    }

    /** Whether each run needs an empty {@code bench_insert}. */
    public boolean writesInserts() {
        return this == W1_BULK_INSERT || this == W5_SINGLE_INSERT;
    }
}
