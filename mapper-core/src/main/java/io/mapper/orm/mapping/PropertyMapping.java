package io.mapper.orm.mapping;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.annotation.GenerationTime;
import io.mapper.schema.Column;

/**
 * One mapped column of an entity: the property path ({@code name}, or {@code address.city} inside an embedded value),
 * its column in the entity's table, and its role (primary key, version, generated). Immutable.
 */
public final class PropertyMapping {

    /** A time mapper writes itself: at INSERT ({@code @CreationTimestamp}), or at INSERT and UPDATE. */
    public enum Stamp {
        /** {@code @CreationTimestamp}. */
        CREATION,
        /** {@code @UpdateTimestamp}. */
        UPDATE
    }

    private final String path;
    private final Column<?> column;
    private final int slot;
    private final boolean primaryKey;
    private final boolean version;
    private final @Nullable GenerationStrategy generation;
    private final Loading loading;
    private final @Nullable GenerationTime generatedBy;
    private final @Nullable Stamp stamp;

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
        this(path, column, slot, primaryKey, version, generation, Loading.EAGER, null, null);
    }

    PropertyMapping(String path, Column<?> column, int slot, boolean primaryKey, boolean version,
            @Nullable GenerationStrategy generation, Loading loading) {
        this(path, column, slot, primaryKey, version, generation, loading, null, null);
    }

    PropertyMapping(String path, Column<?> column, int slot, boolean primaryKey, boolean version,
            @Nullable GenerationStrategy generation, @Nullable GenerationTime generatedBy, @Nullable Stamp stamp) {
        this(path, column, slot, primaryKey, version, generation, Loading.EAGER, generatedBy, stamp);
    }

    PropertyMapping(String path, Column<?> column, int slot, boolean primaryKey, boolean version,
            @Nullable GenerationStrategy generation, Loading loading, @Nullable GenerationTime generatedBy,
            @Nullable Stamp stamp) {
        this.loading = loading;
        this.generatedBy = generatedBy;
        this.stamp = stamp;
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

    /**
     * When the database writes this column ({@code @Generated}): mapper leaves it out of INSERTs (and, for
     * {@code ALWAYS}, UPDATEs) and reads it back after the flush; null when the application writes it.
     */
    public @Nullable GenerationTime generatedBy() {
        return generatedBy;
    }

    /** The time mapper writes into this property itself, or null. */
    public @Nullable Stamp stamp() {
        return stamp;
    }

    @Override
    public String toString() {
        return path + " -> " + column;
    }
}
