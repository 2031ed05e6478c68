package io.mapper.schema.reflection;

import java.util.List;

/**
 * Reads table descriptions from a live database; what {@code MetaData.reflect} needs from the engine side, which
 * implements it ({@code io.mapper.engine.Inspector}).
 */
public interface DatabaseInspector extends Inspectable {

    /** The names of the tables (not views) in the inspected schema, sorted. */
    List<String> tableNames();

    /** The names of the views in the inspected schema, sorted. */
    List<String> viewNames();

    /**
     * Everything about one table of the inspected schema; a view's name gives its columns (no keys or indexes).
     *
     * @throws io.mapper.exception.NoSuchTableException when the schema has no such table
     */
    ReflectedTable table(String name);

    /** Every table of the inspected schema, in name order. */
    List<ReflectedTable> tables();

    /** An inspector over another schema of the same database (a database, on MariaDB). */
    DatabaseInspector schema(String schema);

    /** This inspector itself, so that {@code metadata.reflect(inspector.schema("archive"))} works. */
    @Override
    default DatabaseInspector inspect() {
        return this;
    }
}
