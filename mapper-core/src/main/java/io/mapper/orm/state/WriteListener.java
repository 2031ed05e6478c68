package io.mapper.orm.state;

/**
 * Told by an enhanced object ({@link Tracked}) of each write to one of its fields (and by mapper's collections of
 * each change to their elements): the session's record of the
 * object, which notes it for the next flush. Implemented by {@link InstanceState}.
 */
public interface WriteListener {

    /** {@code entity} had one of its fields written, or one of its collections changed. */
    void written(Object entity);

    /**
     * Tells the session tracking {@code entity}, when it is of an enhanced class and tracked, that it changed where
     * no field write shows: an element added to or taken from one of its collections.
     */
    static void changed(Object entity) {
        if (entity instanceof Tracked tracked) {
            WriteListener listener = tracked.$mapper$listener();
            if (listener != null) {
                listener.written(entity);
            }
        }
    }
}
