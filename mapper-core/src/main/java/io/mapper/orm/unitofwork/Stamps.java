package io.mapper.orm.unitofwork;

import java.time.Clock;
import java.util.BitSet;

import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.Timestamps;
import io.mapper.orm.state.InstanceState;

/**
 * Sets {@code @CreationTimestamp} and {@code @UpdateTimestamp} properties at the flush, after the {@code before...}
 * callbacks (which may change the object), from the session factory's clock.
 */
final class Stamps {

    private Stamps() {
    }

    /** A new object: both kinds, unless the application set a value. */
    @SuppressWarnings("unchecked")
    static void inserted(Mapper<?> anyMapper, InstanceState state, Clock clock) {
        Mapper<Object> mapper = (Mapper<Object>) anyMapper;
        for (PropertyMapping property : mapper.properties()) {
            if (property.stamp() != null && mapper.value(state.entity(), property) == null) {
                mapper.setValue(state.entity(), property, Timestamps.now(clock, property.column().type().javaType()));
            }
        }
    }

    /** A changed object: its {@code @UpdateTimestamp}s, unless the application changed them itself. */
    @SuppressWarnings("unchecked")
    static void updated(Mapper<?> anyMapper, InstanceState state, BitSet changed, Clock clock) {
        if (changed.isEmpty()) {
            return;
        }
        Mapper<Object> mapper = (Mapper<Object>) anyMapper;
        for (PropertyMapping property : mapper.properties()) {
            if (property.stamp() == PropertyMapping.Stamp.UPDATE && !changed.get(property.slot())) {
                mapper.setValue(state.entity(), property, Timestamps.now(clock, property.column().type().javaType()));
                changed.set(property.slot());
            }
        }
    }
}
