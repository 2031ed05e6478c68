package io.mapper.orm.mapping;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.ElementCollection;
import io.mapper.schema.Column;

/**
 * The table and columns of one element collection, read from the annotations alone (no session factory needed, the
 * default naming strategy and the converters the annotations name), so a metamodel handle can build EXISTS
 * conditions anywhere. The same rules as the {@link MapperRegistry}.
 *
 * @param ownerTable the owner's table ({@code schema.table} in a named schema)
 * @param ownerKey the owner's key column
 * @param table the collection table ({@code schema.table} in a named schema)
 * @param joinColumn the collection table's column referring to the owner
 * @param valueColumns the value columns, with their SQL types (converters included)
 * @param mapping the collection's mapping (unresolved: for turning an element into its row of values)
 */
public record ElementCollectionDescriptor(String ownerTable, String ownerKey, String table, String joinColumn,
        List<Column<?>> valueColumns, ElementCollectionMapping mapping) {

    /** Describes the element collection {@code name} of {@code owner}. */
    public static ElementCollectionDescriptor of(Class<?> owner, String name) {
        Field field = field(owner, name);
        if (field == null || !field.isAnnotationPresent(ElementCollection.class)) {
            throw new MappingException(owner, name, "it is not an element collection.",
                    "Annotate the field with @ElementCollection, or use a Relation for a relationship.");
        }
        ElementCollectionMapping mapping = ElementCollectionBuilder.map(owner, field, MappingOptions.DEFAULTS);
        MapperBuilder.EntityInfo info = MapperBuilder.info(owner);
        List<Column<?>> values = new ArrayList<>();
        mapping.declaredColumns().forEach(value -> values.add(value.column()));
        String table = info.schema() == null ? mapping.tableName() : info.schema() + "." + mapping.tableName();
        return new ElementCollectionDescriptor(info.qualifiedName(), info.keyColumn(), table,
                mapping.joinColumnName(), List.copyOf(values), mapping);
    }

    private static @Nullable Field field(Class<?> type, String name) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            try {
                return current.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // Look in the superclass.
            }
        }
        return null;
    }
}
