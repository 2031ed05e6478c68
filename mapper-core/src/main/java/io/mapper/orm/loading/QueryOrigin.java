package io.mapper.orm.loading;

import org.jspecify.annotations.Nullable;

/**
 * The statement objects came from, for messages about them (a lazy-load warning, a query that found no row):
 * rendered only when a message needs it, since rendering a statement costs more than running a short one.
 */
public final class QueryOrigin {

    private final Object statement;
    private @Nullable String text;

    /** The origin of what {@code statement} loads. */
    public QueryOrigin(Object statement) {
        this.statement = statement;
    }

    /** The statement, rendered the first time it is asked for. */
    @Override
    public String toString() {
        String rendered = text;
        if (rendered == null) {
            rendered = String.valueOf(statement);
            text = rendered;
        }
        return rendered;
    }
}
