package io.mapper.orm.state;

/**
 * One session's expiry generation: expiring every object (at commit, or after a bulk write) advances it, and each
 * {@link InstanceState} counts as expired when its values were loaded in an earlier generation. Expiring a session
 * of 100,000 objects is then one increment, not a walk over every state. Not thread-safe; owned by one session.
 */
public final class ExpiryClock {

    private int generation;

    /** The current generation. */
    int now() {
        return generation;
    }

    /** Expires every state tracked under this clock whose values were loaded before now. */
    public void advance() {
        generation++;
    }
}
