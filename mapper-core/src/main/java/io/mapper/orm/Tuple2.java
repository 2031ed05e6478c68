package io.mapper.orm;

import org.jspecify.annotations.Nullable;

/**
 * One row of a two-item ORM query, {@code select(Customer.class, Invoice.class)} or
 * {@code select(Customer.class, count(Invoice_.id))}: entities are the session's instances (from its identity map),
 * other items the row's values. An outer-joined entity without a row is {@code null}.
 *
 * @param <A> the first item's type
 * @param <B> the second item's type
 */
public record Tuple2<A, B>(@Nullable A first, @Nullable B second) {
}
