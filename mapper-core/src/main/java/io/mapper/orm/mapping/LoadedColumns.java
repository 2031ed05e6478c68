package io.mapper.orm.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.engine.Row;
import io.mapper.orm.state.Unloaded;

/**
 * Which of an entity's columns one statement loads (the others are deferred), and where each loaded column sits in
 * the statement's row: SQLAlchemy's per-query column loaders reduced to one mask. A deferred column is marked
 * {@link Unloaded#VALUE} in the values read. Immutable and thread-safe.
 */
public final class LoadedColumns {

    private final List<PropertyMapping> properties;
    private final boolean[] loaded;
    private final boolean[] raise;
    private final int[] position;
    private final List<PropertyMapping> selected;

    private LoadedColumns(List<PropertyMapping> properties, boolean[] loaded, boolean[] raise) {
        this.properties = properties;
        this.loaded = loaded;
        this.raise = raise;
        this.position = new int[loaded.length];
        List<PropertyMapping> chosen = new ArrayList<>(loaded.length);
        for (int slot = 0; slot < loaded.length; slot++) {
            position[slot] = loaded[slot] ? chosen.size() : -1;
            if (loaded[slot]) {
                chosen.add(properties.get(slot));
            }
        }
        this.selected = List.copyOf(chosen);
    }

    /** The mapping's own choice: every column but those declared {@code @Column(deferred = true)}. */
    static LoadedColumns defaults(Mapper<?> mapper) {
        int size = mapper.properties().size();
        boolean[] loaded = new boolean[size];
        boolean[] raise = new boolean[size];
        for (PropertyMapping property : mapper.properties()) {
            loaded[property.slot()] = property.loading() == PropertyMapping.Loading.EAGER;
            raise[property.slot()] = property.loading() == PropertyMapping.Loading.RAISE;
        }
        return new LoadedColumns(mapper.properties(), loaded, raise);
    }

    /**
     * These columns with some loaded or left out: {@code load} maps a slot to true (load it), false (defer it) or
     * null (unchanged); {@code raiseOnAccess} lists the slots whose access raises while deferred.
     */
    public LoadedColumns with(@Nullable Boolean[] load, boolean[] raiseOnAccess) {
        boolean[] newLoaded = loaded.clone();
        boolean[] newRaise = raise.clone();
        for (int slot = 0; slot < newLoaded.length; slot++) {
            if (load[slot] != null) {
                newLoaded[slot] = load[slot];
                newRaise[slot] = raiseOnAccess[slot];
            }
        }
        return new LoadedColumns(properties, newLoaded, newRaise);
    }

    /** The loaded properties, in slot order: the columns the statement selects for the entity. */
    public List<PropertyMapping> selected() {
        return selected;
    }

    /** How many columns of the row the entity takes. */
    public int width() {
        return selected.size();
    }

    /** Whether the property's column is loaded. */
    public boolean isLoaded(int slot) {
        return loaded[slot];
    }

    /** Whether a deferred property raises on first access instead of loading. */
    public boolean raises(int slot) {
        return raise[slot];
    }

    /** Whether every column is loaded. */
    public boolean isComplete() {
        return selected.size() == loaded.length;
    }

    /** Where the property's column is among the entity's columns of the row, or -1 when it is deferred. */
    public int position(int slot) {
        return position[slot];
    }

    /** The entity's values from the row's columns at {@code offset}, in slot order; deferred ones unloaded. */
    public @Nullable Object[] read(Row row, int offset) {
        Object[] values = new Object[loaded.length];
        if (selected.size() == loaded.length) {
            for (int slot = 0; slot < values.length; slot++) {
                values[slot] = row.get(offset + slot);
            }
            return values;
        }
        for (int slot = 0; slot < loaded.length; slot++) {
            values[slot] = loaded[slot] ? row.get(offset + position[slot]) : Unloaded.VALUE;
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoadedColumns that && Arrays.equals(loaded, that.loaded)
                && Arrays.equals(raise, that.raise);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(loaded) * 31 + Arrays.hashCode(raise);
    }

    @Override
    public String toString() {
        return selected.stream().map(PropertyMapping::path).toList().toString();
    }
}
