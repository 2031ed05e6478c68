package io.mapper.schema.reflection;

import org.jspecify.annotations.Nullable;

/**
 * A CHECK constraint of a reflected table.
 *
 * @param name the constraint's name, or {@code null} where the database keeps none (SQLite without
 *        {@code CONSTRAINT name})
 * @param sqlText the condition as the database keeps it, without the surrounding {@code CHECK (...)}; each
 *        database normalises it its own way ({@code price >= 0::numeric} on PostgreSQL, {@code "PRICE" >= 0} on H2)
 */
public record ReflectedCheckConstraint(@Nullable String name, String sqlText) {
}
