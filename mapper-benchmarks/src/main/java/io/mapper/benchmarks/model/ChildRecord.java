package io.mapper.benchmarks.model;

/** An untracked row of {@code bench_child}. */
public record ChildRecord(long id, long parentId, String name, int amount) {
}
