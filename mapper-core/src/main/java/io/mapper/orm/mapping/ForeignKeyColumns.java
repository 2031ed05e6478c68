package io.mapper.orm.mapping;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.convention.NamingStrategy;

/**
 * The foreign-key columns of a reference (a many-to-one or owning one-to-one): one per part of the target's key, in
 * the target's key order, named by {@code @JoinColumn}s or by the naming strategy, checked against the key.
 */
final class ForeignKeyColumns {

    /** One foreign-key column and the key part of the target it refers to. */
    record Part(String column, MapperBuilder.KeyPart key) {
    }

    private ForeignKeyColumns() {
    }

    /** The columns of the reference {@code field} of {@code owner} to {@code target}, in key order. */
    static List<Part> of(Class<?> owner, Field field, Class<?> targetType, MapperBuilder.EntityInfo target,
            NamingStrategy naming) {
        List<MapperBuilder.KeyPart> keys = target.keys();
        String name = field.getName();
        if (keys.isEmpty()) {
            throw new MappingException(owner, name, "its target " + targetType.getSimpleName() + " has no @Id.",
                    "Give " + targetType.getSimpleName() + " a primary key.");
        }
        JoinColumn[] joins = field.getAnnotationsByType(JoinColumn.class);
        if (keys.size() == 1) {
            MapperBuilder.KeyPart key = keys.get(0);
            if (joins.length > 1) {
                throw new MappingException(owner, name, "it has " + joins.length + " @JoinColumns, but the key of "
                        + targetType.getSimpleName() + " is the single column '" + key.column() + "'.",
                        "Keep one @JoinColumn.");
            }
            if (joins.length == 1 && !joins[0].referencedColumnName().isEmpty()
                    && !joins[0].referencedColumnName().equals(key.column())) {
                throw notKey(owner, name, targetType, target, joins[0]);
            }
            return List.of(new Part(joins.length == 0 ? naming.joinColumnName(name) : joins[0].name(), key));
        }
        if (joins.length == 0) {
            List<Part> parts = new ArrayList<>(keys.size());
            for (MapperBuilder.KeyPart key : keys) {
                parts.add(new Part(naming.joinColumnName(name, key.column()), key));
            }
            return parts;
        }
        Map<String, String> byReferenced = new LinkedHashMap<>();
        for (JoinColumn join : joins) {
            if (join.referencedColumnName().isEmpty()) {
                throw new MappingException(owner, name, "its @JoinColumn(name = \"" + join.name() + "\") does not "
                        + "say which part of " + targetType.getSimpleName() + "'s composite key "
                        + target.keyColumns() + " it refers to.", "Add referencedColumnName = \"<key column>\" to "
                        + "each @JoinColumn.");
            }
            if (!target.keyColumns().contains(join.referencedColumnName())) {
                throw notKey(owner, name, targetType, target, join);
            }
            if (byReferenced.put(join.referencedColumnName(), join.name()) != null) {
                throw new MappingException(owner, name, "two @JoinColumns refer to the key column '"
                        + join.referencedColumnName() + "' of " + targetType.getSimpleName() + ".",
                        "Give one @JoinColumn per key column " + target.keyColumns() + ".");
            }
        }
        List<String> missing = target.keyColumns().stream().filter(key -> !byReferenced.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            throw new MappingException(owner, name, "its @JoinColumns cover " + List.copyOf(byReferenced.keySet())
                    + " of " + targetType.getSimpleName() + "'s composite key " + target.keyColumns() + ".",
                    "Add a @JoinColumn(name = ..., referencedColumnName = ...) for " + missing + ".");
        }
        List<Part> parts = new ArrayList<>(keys.size());
        for (MapperBuilder.KeyPart key : keys) {
            parts.add(new Part(byReferenced.get(key.column()), key));
        }
        return parts;
    }

    /**
     * The association-table columns referring to one side of a many-to-many, in that side's key order: from
     * {@code joins} (matched by {@code referencedColumnName}), else {@code single} for a single-column key, else
     * {@code <side table>_id} for a single-column key and {@code <side table>_<key column>} for each part of a
     * composite one.
     */
    static List<String> association(Class<?> owner, String name, Class<?> side, String sideTable,
            List<String> keyColumns, String single, JoinColumn[] joins, String attribute,
            io.mapper.orm.convention.NamingStrategy naming) {
        if (joins.length == 0) {
            if (keyColumns.size() == 1) {
                return List.of(single.isEmpty() ? naming.associationColumnName(sideTable, keyColumns.get(0), true)
                        : single);
            }
            if (!single.isEmpty()) {
                throw new MappingException(owner, name, "@JoinTable(" + attribute + " = \"" + single + "\") names "
                        + "one column, but " + side.getSimpleName() + " has the composite key " + keyColumns + ".",
                        "Use " + attribute + "s = {@JoinColumn(name = ..., referencedColumnName = ...), ...}, one "
                        + "per key column.");
            }
            return keyColumns.stream().map(key -> naming.associationColumnName(sideTable, key, false)).toList();
        }
        if (keyColumns.size() == 1 && joins.length == 1 && joins[0].referencedColumnName().isEmpty()) {
            return List.of(joins[0].name());
        }
        Map<String, String> byReferenced = new LinkedHashMap<>();
        for (JoinColumn join : joins) {
            if (!keyColumns.contains(join.referencedColumnName())) {
                throw new MappingException(owner, name, "@JoinTable(" + attribute + "s) names the column '"
                        + join.name() + "' for '" + join.referencedColumnName() + "', which is not a key column of "
                        + side.getSimpleName() + ".", "Refer to one of its key columns " + keyColumns + ".");
            }
            if (byReferenced.put(join.referencedColumnName(), join.name()) != null) {
                throw new MappingException(owner, name, "@JoinTable(" + attribute + "s) names two columns for the "
                        + "key column '" + join.referencedColumnName() + "' of " + side.getSimpleName() + ".",
                        "Give one per key column " + keyColumns + ".");
            }
        }
        List<String> missing = keyColumns.stream().filter(key -> !byReferenced.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            throw new MappingException(owner, name, "@JoinTable(" + attribute + "s) covers "
                    + List.copyOf(byReferenced.keySet()) + " of " + side.getSimpleName() + "'s key " + keyColumns
                    + ".", "Add a @JoinColumn(name = ..., referencedColumnName = ...) for " + missing + ".");
        }
        return keyColumns.stream().map(byReferenced::get).toList();
    }

    /** The ON DELETE action given in any of the field's {@code @JoinColumn}s, or empty. */
    static String onDelete(Field field) {
        return Arrays.stream(field.getAnnotationsByType(JoinColumn.class)).map(JoinColumn::onDelete)
                .filter(action -> !action.isEmpty()).findFirst().orElse("");
    }

    private static MappingException notKey(Class<?> owner, String name, Class<?> targetType,
            MapperBuilder.EntityInfo target, JoinColumn join) {
        return new MappingException(owner, name, "its @JoinColumn(name = \"" + join.name()
                + "\") refers to '" + join.referencedColumnName() + "', which is not a key column of "
                + targetType.getSimpleName() + ".", "Refer to one of its key columns " + target.keyColumns() + ".");
    }
}
