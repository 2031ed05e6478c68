package io.mapper.compiler;

import java.util.List;

import io.mapper.sql.ClauseElement;
import io.mapper.sql.Operation;
import io.mapper.sql.SqlRenderer;
import io.mapper.sql.TableClause;

/**
 * Renders elements as generic SQL with {@code :name_1} parameters for {@code toString()}, as SQLAlchemy's
 * {@code print(stmt)} does; found through {@link java.util.ServiceLoader}. It renders every construct (RETURNING,
 * UPDATE ... FROM) whatever a particular database supports, since it only shows the statement.
 */
public final class DisplayRenderer implements SqlRenderer {

    private static final IdentifierPreparer IDENTIFIERS = new IdentifierPreparer();

    @Override
    public String display(ClauseElement element) {
        try {
            return new DisplayCompiler().display(element);
        } catch (RuntimeException e) {
            // toString() must not throw; a statement that cannot be rendered generically says why instead.
            return element.getClass().getSimpleName() + " (not renderable: " + e.getMessage() + ")";
        }
    }

    /** The generic compiler, permissive about constructs only some databases have. */
    private static final class DisplayCompiler extends SqlCompiler {

        DisplayCompiler() {
            super(IDENTIFIERS, "default", true);
        }

        @Override
        protected boolean supportsReturning(Operation operation) {
            return true;
        }

        @Override
        protected boolean supportsUpdateFrom() {
            return true;    // toString shows UPDATE ... FROM, whatever a database supports
        }

        @Override
        protected void updateFromClause(List<TableClause> tables) {
            updateFromTables(tables);
        }
    }
}
