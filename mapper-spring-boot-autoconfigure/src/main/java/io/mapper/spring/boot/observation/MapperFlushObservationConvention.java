package io.mapper.spring.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags of the {@code mapper.flush} observation; define a bean of this type to change them. */
public interface MapperFlushObservationConvention extends ObservationConvention<MapperFlushContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof MapperFlushContext;
    }
}
