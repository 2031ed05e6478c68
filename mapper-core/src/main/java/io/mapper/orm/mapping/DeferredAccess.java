package io.mapper.orm.mapping;

import java.lang.invoke.MethodHandle;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.state.DeferredHolder;
import io.mapper.orm.state.PropertyAccessor;
import io.mapper.orm.state.Unloaded;
import io.mapper.types.Conversions;

/**
 * How a {@code Deferred<T>} column property is read and written: the holder field, the value's type, and the
 * holder type's {@code of(value)}. A holder that is not loaded reads as {@link Unloaded#VALUE}. Immutable.
 */
record DeferredAccess(PropertyAccessor holder, Class<?> valueType, MethodHandle factory) {

    /** The value, {@link Unloaded#VALUE} while not loaded, null for no holder. */
    @Nullable Object get(Object entity) {
        if (!(holder.get(entity) instanceof DeferredHolder<?> deferred)) {
            return null;
        }
        return deferred.isLoaded() ? deferred.get() : Unloaded.VALUE;
    }

    /** Sets a loaded value; {@link Unloaded#VALUE} puts the holder back to unloaded if it can. */
    @SuppressWarnings("unchecked")
    void set(Object entity, @Nullable Object value) {
        Object current = holder.get(entity);
        if (Unloaded.is(value)) {
            // A holder the application made cannot load itself; the session installs one that can when it is
            // next loaded, and until then no value stands for the column.
            if (current instanceof DeferredHolder<?> deferred && !deferred.unload()) {
                holder.set(entity, null);
            }
            return;
        }
        if (current instanceof DeferredHolder<?> deferred) {
            // The same holder keeps its loader, so a rollback can put it back to unloaded.
            ((DeferredHolder<Object>) deferred).set(Conversions.convert(value, valueType));
            return;
        }
        try {
            holder.set(entity, factory.invoke(Conversions.convert(value, valueType)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
