/** The rows the workloads read and write, as each competitor wants them (records, beans, entities). */
@NullMarked
package io.mapper.benchmarks.model;

import org.jspecify.annotations.NullMarked;
