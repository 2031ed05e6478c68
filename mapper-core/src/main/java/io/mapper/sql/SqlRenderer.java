package io.mapper.sql;

/**
 * Renders elements for display, with named {@code :key} parameters, for {@code toString()}. The compiler package
 * provides the implementation through {@link java.util.ServiceLoader}, so this package needs no compiler import.
 */
public interface SqlRenderer {

    /** The element as readable generic SQL with {@code :name_1} parameters. */
    String display(ClauseElement element);
}
