package io.mapper.orm.mapping;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.schema.Column;

/**
 * One mapped column of an entity: the property path ({@code name}, or {@code address.city} inside an embedded value),
 * its column in the entity's table, and its role (primary key, version, generated). Immutable.
 */
public final class PropertyMapping {

    private final String path;
    private final Column<?> column;
    private final int slot;
    private final boolean primaryKey;
    private final boolean version;
    private final @Nullable GenerationStrategy generation;
    private final Loading loading;

    /** How a column is loaded with its entity: with it, deferred to first access, or deferred and raising. */
    public enum Loading {
        /** In every SELECT of the entity. */
        EAGER,
        /** Left out of the entity's SELECTs; loaded on first access ({@code @Column(deferred = true)}). */
        DEFERRED,
        /** Left out, and first access raises ({@code @Column(deferred = true, raiseLoad = true)}). */
        RAISE
    }

    PropertyMapping(String path, Column<?> column, int slot, boolean primaryKey, boolean version,
            @Nullable GenerationStrategy generation) {
        this(path, column, slot, primaryKey, version, generation, Loading.EAGER);
    }

    PropertyMapping(String path, Column<?> column, int slot, boolean primaryKey, boolean version,
            @Nullable GenerationStrategy generation, Loading loading) {
        this.loading = loading;
        this.path = path;
        this.column = column;
        this.slot = slot;
        this.primaryKey = primaryKey;
        this.version = version;
        this.generation = generation;
    }

    /** The property path: {@code name}, or {@code address.city} for a column of an embedded value. */
    public String path() {
        return path;
    }

    /** The column in the entity's table. */
    public Column<?> column() {
        return column;
    }

    /** The position of this property's value in the arrays {@link Mapper#values} returns. */
    public int slot() {
        return slot;
    }

    /** Whether the property is (part of) the primary key. */
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** Whether the property is the optimistic-lock version. */
    public boolean isVersion() {
        return version;
    }

    /** How the value is generated, or null when the application sets it. */
    public @Nullable GenerationStrategy generation() {
        return generation;
    }

    /** How the column is loaded by default: with the entity, or deferred. */
    public Loading loading() {
        return loading;
    }

    @Override
    public String toString() {
        return path + " -> " + column;
    }
}
