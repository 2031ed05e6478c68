package io.mapper.orm.mapping;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mapper.orm.annotation.Inheritance;
import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.OrderColumn;
import io.mapper.schema.Column;
import io.mapper.types.Types;

/**
 * The columns a collection relationship keeps in its elements' table without an attribute of the element mapping
 * them (Hibernate's "backref" properties): the foreign key of a unidirectional one-to-many
 * ({@code @OneToMany @JoinColumn}) and the index of an ordered list ({@code @OrderColumn}). They are read from the
 * owners' annotations before any mapper is built, so that each element's table is created with them; the element's
 * mapper holds them as slots that the flush writes from the owner's collection.
 */
final class CollectionColumns {

    /** What a collection column holds. */
    enum Role {
        /** The owner's key (a unidirectional one-to-many's foreign key). */
        JOIN,
        /** The element's index in the owner's list. */
        ORDER
    }

    /** One column a collection relationship of {@code ownerType} puts into its target's table. */
    record Contributed(Class<?> ownerType, String relationship, Role role, Column<?> column) {

        /** The slot's path in the target's mapper: {@code Owner.property[column]}, never a Java property's. */
        String path() {
            return pathOf(ownerType, relationship, column.name());
        }
    }

    /**
     * The slot of a collection column in the element's mapper: what it holds and, once the relationships are
     * resolved, the collection it belongs to (whose owner's key a {@link Role#JOIN} column holds).
     */
    static final class Slot {

        private final Role role;
        private @org.jspecify.annotations.Nullable RelationshipMapping relationship;

        Slot(Role role) {
            this.role = role;
        }

        Role role() {
            return role;
        }

        RelationshipMapping relationship() {
            return java.util.Objects.requireNonNull(relationship, "collection column not resolved");
        }

        void relationship(RelationshipMapping collection) {
            this.relationship = collection;
        }
    }

    private CollectionColumns() {
    }

    /** The path of a collection column's slot in the target's mapper. */
    static String pathOf(Class<?> ownerType, String relationship, String column) {
        return ownerType.getSimpleName() + "." + relationship + "[" + column + "]";
    }

    /** The columns each target class receives from the collections of {@code types}, checked. */
    static Map<Class<?>, List<Contributed>> scan(Collection<Class<?>> types,
            Map<Class<?>, MapperBuilder.EntityInfo> infos, MappingOptions options) {
        Map<Class<?>, List<Contributed>> byTarget = new LinkedHashMap<>();
        for (Class<?> type : types) {
            for (Field field : MapperBuilder.mappedFields(type)) {
                if (field.getDeclaringClass() != type && types.contains(field.getDeclaringClass())) {
                    continue;    // an inherited field is its entity superclass's: contributed once, from there
                }
                OneToMany oneToMany = field.getAnnotation(OneToMany.class);
                if (oneToMany == null) {
                    continue;
                }
                Class<?> target = elementType(field);
                if (target == null || !infos.containsKey(target)) {
                    continue;    // the mapper builder reports it
                }
                for (Contributed contributed : contributed(type, field, oneToMany, target, infos, options)) {
                    if (isInHierarchy(target)) {
                        throw new MappingException(type, field.getName(), "its " + contributed.role().name()
                                .toLowerCase(java.util.Locale.ROOT) + " column would go into the table of "
                                + target.getSimpleName() + ", which is part of an inheritance hierarchy; mapper "
                                + "does not put collection columns into a hierarchy's tables yet.", "Map the "
                                + "relationship from the child's side (@ManyToOne on it, mappedBy here) and order "
                                + "it with orderBy.");
                    }
                    List<Contributed> existing = byTarget.computeIfAbsent(target, unused -> new ArrayList<>());
                    for (Contributed other : existing) {
                        if (other.column().name().equalsIgnoreCase(contributed.column().name())) {
                            throw new MappingException(type, field.getName(), "its column '"
                                    + contributed.column().name() + "' in " + target.getSimpleName() + "'s table is "
                                    + "also the column of " + other.ownerType().getSimpleName() + "."
                                    + other.relationship() + ".", "Give each collection its own column name.");
                        }
                    }
                    existing.add(contributed);
                }
            }
        }
        return byTarget;
    }

    private static List<Contributed> contributed(Class<?> type, Field field, OneToMany oneToMany, Class<?> target,
            Map<Class<?>, MapperBuilder.EntityInfo> infos, MappingOptions options) {
        List<Contributed> result = new ArrayList<>(2);
        JoinColumn join = field.getAnnotation(JoinColumn.class);
        if (oneToMany.mappedBy().isEmpty()) {
            if (join == null) {
                throw new MappingException(type, field.getName(), "a @OneToMany needs either mappedBy (the "
                        + "@ManyToOne on " + target.getSimpleName() + " that owns the foreign key) or a @JoinColumn "
                        + "naming the foreign key column of " + target.getSimpleName() + "'s table.",
                        "Add mappedBy = \"...\" or @JoinColumn(name = \"" + infos.get(type).tableName() + "_id\").");
            }
            MapperBuilder.EntityInfo owner = infos.get(type);
            if (owner.keyColumn().isEmpty()) {
                throw new MappingException(type, field.getName(), "a unidirectional one-to-many refers to its owner "
                        + "by a single-column key, and " + type.getSimpleName() + " has a composite key.",
                        "Map the relationship from the child's side (@ManyToOne on it, mappedBy here).");
            }
            Column<?> column = Column.of(join.name(), owner.keyType()).nullable(true)
                    .references(owner.qualifiedName() + "." + owner.keyColumn());
            if (!join.onDelete().isEmpty()) {
                column = column.onDelete(io.mapper.schema.reflection.ReferentialAction.valueOf(
                        join.onDelete().trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_')));
            }
            result.add(new Contributed(type, field.getName(), Role.JOIN, column));
        } else if (join != null) {
            throw new MappingException(type, field.getName(), "@JoinColumn on a @OneToMany is for the unidirectional "
                    + "form; with mappedBy the foreign key is the column of " + target.getSimpleName() + "."
                    + oneToMany.mappedBy() + ".", "Put @JoinColumn on " + target.getSimpleName() + "."
                    + oneToMany.mappedBy() + ", or remove mappedBy.");
        }
        OrderColumn order = field.getAnnotation(OrderColumn.class);
        if (order != null) {
            if (field.getType() != List.class) {
                throw new MappingException(type, field.getName(), "@OrderColumn keeps the order of a List, and the "
                        + "field is a " + field.getType().getSimpleName() + ".", "Declare it as List<"
                        + target.getSimpleName() + ">.");
            }
            if (!oneToMany.orderBy().isEmpty()) {
                throw new MappingException(type, field.getName(), "it has both @OrderColumn and orderBy; the list's "
                        + "order is its order column.", "Remove orderBy.");
            }
            String name = order.name().isEmpty() ? options.naming().columnName(field.getName() + "Order")
                    : order.name();
            result.add(new Contributed(type, field.getName(), Role.ORDER,
                    Column.of(name, Types.INTEGER).nullable(true)));
        }
        return result;
    }

    private static boolean isInHierarchy(Class<?> type) {
        return HierarchyBuilder.parentEntity(type) != null || type.isAnnotationPresent(Inheritance.class);
    }

    private static Class<?> elementType(Field field) {
        if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
