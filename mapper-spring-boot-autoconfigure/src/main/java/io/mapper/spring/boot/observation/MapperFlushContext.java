package io.mapper.spring.boot.observation;

import io.micrometer.observation.Observation;

/** The observation context of one session flush: how many objects it inserted, updated and deleted. */
public final class MapperFlushContext extends Observation.Context {

    private int inserted;
    private int updated;
    private int deleted;

    /** Objects INSERTed by the flush so far. */
    public int inserted() {
        return inserted;
    }

    /** Objects UPDATEd by the flush so far. */
    public int updated() {
        return updated;
    }

    /** Objects DELETEd by the flush so far. */
    public int deleted() {
        return deleted;
    }

    void countInsert() {
        inserted++;
    }

    void countUpdate() {
        updated++;
    }

    void countDelete() {
        deleted++;
    }
}
