package io.mapper.sql;

import java.util.ServiceLoader;

import org.jspecify.annotations.Nullable;

/** Shared helpers of the statement classes: display rendering for {@code toString()}. */
final class Statements {

    private Statements() {
    }

    /** Loaded once; the renderer is stateless. */
    private static final class Holder {
        static final @Nullable SqlRenderer RENDERER = ServiceLoader.load(SqlRenderer.class, Statements.class.getClassLoader())
                .findFirst().orElse(null);
    }

    static String display(ClauseElement element) {
        SqlRenderer renderer = Holder.RENDERER;
        if (renderer == null) {
            return element.getClass().getSimpleName();
        }
        return renderer.display(element);
    }
}
