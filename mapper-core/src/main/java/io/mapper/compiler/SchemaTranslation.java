package io.mapper.compiler;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;

/**
 * Renames schemas when statements and DDL are compiled (SQLAlchemy's {@code schema_translate_map}): a table declared
 * in schema {@code tenant} is rendered in {@code tenant_42}, so one {@code MetaData} or set of entities serves a
 * schema per tenant. The {@code null} key stands for tables declared without a schema, a {@code null} value for the
 * connection's default schema. Immutable and thread-safe; equal translations share compiled statements.
 *
 * <pre>{@code
 * Map<String, String> map = new HashMap<>();
 * map.put("tenant", "tenant_42");      // tenant.orders   -> tenant_42.orders
 * map.put(null, "shared");             // orders          -> shared.orders
 * Engine tenant42 = engine.withSchemaTranslation(map);
 * }</pre>
 */
public final class SchemaTranslation {

    /** No translation: every table is rendered in the schema it was declared in. */
    public static final SchemaTranslation NONE = new SchemaTranslation(Map.of());

    private final Map<@Nullable String, @Nullable String> map;
    /** The map's hash, computed once: the engine hashes the translation into every compiled-cache lookup. */
    private final int hash;

    private SchemaTranslation(Map<@Nullable String, @Nullable String> map) {
        this.map = map;
        this.hash = map.hashCode();
    }

    /**
     * A translation from a map of declared schema to rendered schema; {@code null} keys and values are allowed (a
     * {@code HashMap}), blank names are not.
     */
    public static SchemaTranslation of(Map<@Nullable String, @Nullable String> map) {
        Objects.requireNonNull(map, "map must not be null; use SchemaTranslation.NONE for no translation");
        Map<@Nullable String, @Nullable String> copy = new HashMap<>();
        map.forEach((from, to) -> {
            if ((from != null && from.isBlank()) || (to != null && to.isBlank())) {
                throw new ArgumentException("A schema translation maps schema names, not blank text: " + from
                        + " -> " + to + ". Use null for the default schema.");
            }
            copy.put(from, to);
        });
        return copy.isEmpty() ? NONE : new SchemaTranslation(Collections.unmodifiableMap(copy));
    }

    /** The schema to render for a table declared in {@code schema} ({@code null}: the default schema). */
    public @Nullable String translate(@Nullable String schema) {
        // (The empty map of NONE refuses null lookups; the others are HashMap copies, which allow them.)
        return !map.isEmpty() && map.containsKey(schema) ? map.get(schema) : schema;
    }

    /** Whether this translation renames nothing. */
    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** The map, declared schema to rendered schema. */
    public Map<@Nullable String, @Nullable String> asMap() {
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SchemaTranslation that && hash == that.hash && map.equals(that.map);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "SchemaTranslation" + map;
    }
}
