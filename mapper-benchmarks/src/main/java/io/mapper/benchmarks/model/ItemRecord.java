package io.mapper.benchmarks.model;

import org.jspecify.annotations.Nullable;

/** An untracked row of {@code bench_item} or {@code bench_insert}: the projection every competitor reads into. */
public record ItemRecord(long id, String name, int amount, @Nullable String note) {
}
