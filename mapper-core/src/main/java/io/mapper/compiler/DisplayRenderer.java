package io.mapper.compiler;

import io.mapper.sql.ClauseElement;
import io.mapper.sql.SqlRenderer;

/** Renders elements as generic SQL with {@code :name_1} parameters for {@code toString()}; found through ServiceLoader. */
public final class DisplayRenderer implements SqlRenderer {

    private static final IdentifierPreparer IDENTIFIERS = new IdentifierPreparer();

    @Override
    public String display(ClauseElement element) {
        try {
            return new SqlCompiler(IDENTIFIERS, "default", true).display(element);
        } catch (RuntimeException e) {
            // toString() must not throw; a statement that cannot be rendered generically says why instead.
            return element.getClass().getSimpleName() + " (not renderable: " + e.getMessage() + ")";
        }
    }
}
