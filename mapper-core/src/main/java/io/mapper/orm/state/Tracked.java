package io.mapper.orm.state;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by an entity class that mapper's build-time enhancer ({@code mapper-enhancer}, or the Maven plugin's
 * {@code enhance} goal) rewrote: every write to one of its column or relationship fields, through a setter or
 * directly, counts one write and tells the object's listener, the record of the session that tracks it. A session notes the count when
 * an object agrees with its database snapshot (after a load or a flush), and its flush skips comparing an object
 * whose count has not moved since; a session whose objects all tell it of their writes does not even look at the
 * others. Do not implement it by hand.
 */
public interface Tracked {

    /** How many times the object's mapped fields were written since it was made (never reset). */
    long $mapper$writes();

    /** The listener told of each write: the record of the session that tracks the object, or null. */
    @Nullable WriteListener $mapper$listener();

    /** Sets the listener told of each write (null: none). */
    void $mapper$listener(@Nullable WriteListener listener);
}
