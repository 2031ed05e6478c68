package io.mapper.sql;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The base of the executable statements built from clause elements (SELECT, INSERT, UPDATE, DELETE and the
 * dialects' upserts): their bound values and compiled-cache key both come from one walk of the element tree, made
 * once per statement object since statements are immutable.
 */
public abstract class CacheableStatement implements Executable {

    private volatile @Nullable BoundParameters parameters;

    /** Subclasses only. */
    protected CacheableStatement() {
    }

    private BoundParameters parameters() {
        BoundParameters walked = parameters;
        if (walked == null) {
            walked = BoundParameters.of(this);
            parameters = walked;
        }
        return walked;
    }

    /** The values of the statement's bind parameters, collected from its element tree. */
    @Override
    public final Map<String, @Nullable Object> boundValues() {
        return parameters().values();
    }

    /**
     * The key ({@code name_1}) of one of the statement's parameter objects: what an execution passes a new value
     * under, for a statement built once and run many times.
     *
     * @throws IllegalStateException when the parameter is not part of this statement
     */
    public final String keyOf(BindParameter<?> parameter) {
        return parameters().keyOf(parameter);
    }

    /**
     * A key equal for statements of equal structure whatever their bound values (see {@link Executable}): the
     * statement itself with the key of each parameter occurrence, so statements sharing parameter objects differently
     * get different keys.
     */
    @Override
    public final @Nullable Object cacheKey() {
        return List.of(this, parameters().occurrenceKeys());
    }
}
