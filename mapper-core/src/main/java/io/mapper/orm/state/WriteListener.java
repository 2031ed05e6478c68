package io.mapper.orm.state;

/**
 * Told by an enhanced object ({@link Tracked}) of each write to one of its column fields: the session's record of the
 * object, which notes it for the next flush. Implemented by {@link InstanceState}.
 */
public interface WriteListener {

    /** {@code entity} had one of its column fields written. */
    void written(Object entity);
}
