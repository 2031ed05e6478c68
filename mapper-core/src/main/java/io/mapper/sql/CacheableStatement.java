package io.mapper.sql;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An executable statement built from clause elements, whose bound values and compiled-cache key both come from
 * walking its element tree (SELECT, INSERT, UPDATE, DELETE and the dialects' upserts).
 */
public interface CacheableStatement extends Executable {

    /** The values of the statement's bind parameters, collected from its element tree. */
    @Override
    default Map<String, @Nullable Object> boundValues() {
        return BoundParameters.of(this).values();
    }

    /** A key equal for statements of equal structure whatever their bound values (see {@link Executable}). */
    @Override
    default @Nullable Object cacheKey() {
        return BoundParameters.cacheKey(this);
    }
}
