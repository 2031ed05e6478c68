package io.mapper.schema.reflection;

/**
 * Something that can inspect a live database: the engine, or one of its connections. Lets
 * {@code metadata.reflect(engine)} read a schema without the schema layer depending on the engine.
 */
public interface Inspectable {

    /** An inspector over the current schema of the database. */
    DatabaseInspector inspect();
}
