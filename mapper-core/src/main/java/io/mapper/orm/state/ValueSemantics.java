package io.mapper.orm.state;

import org.jspecify.annotations.Nullable;

/**
 * How an object's column values are kept in its snapshot and compared with it, for mappers with columns whose values
 * can change in place (a JSON document) or that compare by their stored form (a converted value class without
 * {@code equals}). The mapper implements it; {@link InstanceState} uses it when its mapper does.
 */
public interface ValueSemantics {

    /** The values to keep as a snapshot: {@code values} with every mutable value copied. */
    @Nullable Object[] snapshotOf(@Nullable Object[] values);

    /**
     * As {@link #snapshotOf(Object[])} for an array nobody else holds (a row's values just read): the array itself,
     * its mutable values replaced by copies.
     */
    @Nullable Object[] ownSnapshot(@Nullable Object[] values);

    /** The value to keep in the snapshot for one slot: {@code value}, copied when it is mutable. */
    @Nullable Object snapshotOf(int slot, @Nullable Object value);

    /** Whether the slot's value {@code after} is the same value as the snapshot's {@code before}. */
    boolean sameValue(int slot, @Nullable Object before, @Nullable Object after);
}
