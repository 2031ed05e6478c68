package io.mapper.spring.boot.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default tags of {@code mapper.flush}, a contract listed in DESIGN.md: no low-cardinality tag of its own
 * (Micrometer's meter handler adds {@code error}); the inserted, updated and deleted counts as high-cardinality
 * attributes, for traces.
 */
public class DefaultMapperFlushObservationConvention implements MapperFlushObservationConvention {

    /** The observation's name, which becomes the timer's name. */
    public static final String NAME = "mapper.flush";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(MapperFlushContext context) {
        return "mapper flush";
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(MapperFlushContext context) {
        return KeyValues.of(KeyValue.of("mapper.flush.inserted", Integer.toString(context.inserted())),
                KeyValue.of("mapper.flush.updated", Integer.toString(context.updated())),
                KeyValue.of("mapper.flush.deleted", Integer.toString(context.deleted())));
    }
}
