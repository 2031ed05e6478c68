package io.mapper.benchmarks.model;

/** A Hibernate entity over {@code bench_insert}, whatever its key generation. */
public interface HInsertRow {

    /** The generated key, once flushed. */
    Long getId();
}
