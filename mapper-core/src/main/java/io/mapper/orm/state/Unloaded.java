package io.mapper.orm.state;

/**
 * The value of a deferred column that was not loaded (SQLAlchemy's "not in {@code state.dict}"): it stands in the
 * snapshot of an object, and in {@code Mapper.values} for a {@code Deferred} holder that was not loaded, so that
 * the unit of work neither sees a change nor writes NULL over the column. Never bound into SQL.
 */
public enum Unloaded {

    /** The only value. */
    VALUE;

    /** Whether {@code value} is the unloaded marker. */
    public static boolean is(@org.jspecify.annotations.Nullable Object value) {
        return value == VALUE;
    }
}
