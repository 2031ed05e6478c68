/**
 * The JMH benchmarks of the per-operation workloads (W4, W4b, W5) and the runner that puts their results into the
 * report. Each benchmark calls the same {@link io.mapper.benchmarks.Operations} the harness loops over, so JMH and
 * the suite measure the same code.
 */
@NullMarked
package io.mapper.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
