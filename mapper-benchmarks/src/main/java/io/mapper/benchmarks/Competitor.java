package io.mapper.benchmarks;

import java.util.Map;
import java.util.List;

/** A library under test: contributes contenders per workload and owns its pool, factories and caches. */
public interface Competitor extends AutoCloseable {

    /** The contenders of this competitor, per workload; a workload it cannot do is absent. */
    Map<WorkloadId, List<Contender>> contenders();

    /** The library and its version for the report ("Hibernate ORM 7.4.5.Final"). */
    String version();

    @Override
    void close() throws Exception;
}
