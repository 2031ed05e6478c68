/**
 * The benchmark suite: workloads W1-W6 run against raw JDBC, mapper (Core and ORM), JdbcTemplate, Hibernate, jOOQ
 * and MyBatis, each timed as a ratio to raw JDBC in the same round. Never part of the library.
 */
@NullMarked
package io.mapper.benchmarks;

import org.jspecify.annotations.NullMarked;
