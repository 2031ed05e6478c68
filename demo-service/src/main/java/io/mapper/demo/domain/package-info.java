/**
 * The store's domain: mapper entities for customers (with a one-to-one shipping address), a self-referencing
 * category tree, products (versioned stock, tags many-to-many, reviews one-to-many), and orders whose lines are an
 * association entity carrying quantity and price. Plain classes; mapper-processor generates their metamodel.
 */
@NullMarked
package io.mapper.demo.domain;

import org.jspecify.annotations.NullMarked;
