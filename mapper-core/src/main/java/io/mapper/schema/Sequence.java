package io.mapper.schema;

import java.util.Objects;

import io.mapper.exception.ArgumentException;

/**
 * A database sequence, created and dropped with the metadata where the database has sequences (PostgreSQL, H2,
 * MariaDB; SQLite has none and {@code createAll} skips them there): {@code metadata.sequence(Sequence.of("order_no")
 * .startWith(1000))}. Immutable.
 *
 * @param name the sequence name
 * @param start the first value
 * @param increment the step between values
 */
public record Sequence(String name, long start, long increment) {

    public Sequence {
        NamingConvention.requireName(name);
        if (increment == 0) {
            throw new ArgumentException("Sequence '" + name + "' has an increment of 0; use 1 (or -1 to count down).");
        }
    }

    /** A sequence starting at 1 and counting up by 1. */
    public static Sequence of(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return new Sequence(name, 1, 1);
    }

    /** The same sequence starting at {@code value}. */
    public Sequence startWith(long value) {
        return new Sequence(name, value, increment);
    }

    /** The same sequence counting by {@code step}. */
    public Sequence incrementBy(long step) {
        return new Sequence(name, start, step);
    }
}
