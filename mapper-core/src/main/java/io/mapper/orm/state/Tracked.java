package io.mapper.orm.state;

/**
 * Implemented by an entity class that mapper's build-time enhancer ({@code mapper-enhancer}, or the Maven plugin's
 * {@code enhance} goal) rewrote: every write to one of its mapped fields, through a setter or directly, counts one
 * write. A session notes the count when an object agrees with its database snapshot (after a load or a flush), and
 * its flush skips comparing an object whose count has not moved since. Do not implement it by hand.
 */
public interface Tracked {

    /** How many times the object's mapped fields were written since it was made (never reset). */
    long $mapper$writes();
}
