/** One class per competitor, each doing every workload the way its documentation advises for speed. */
@NullMarked
package io.mapper.benchmarks.competitors;

import org.jspecify.annotations.NullMarked;
