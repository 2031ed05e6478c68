package io.mapper.benchmarks.model;

import java.util.List;

/** A parent with its children, as the competitors without an entity graph assemble W6's answer. */
public record ParentGraph(long id, String name, List<ChildRecord> children) {
}
