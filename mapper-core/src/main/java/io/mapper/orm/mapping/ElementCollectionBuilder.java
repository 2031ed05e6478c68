package io.mapper.orm.mapping;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mapper.orm.annotation.CollectionTable;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.ElementCollection;
import io.mapper.orm.annotation.Embeddable;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.OrderColumn;
import io.mapper.orm.convention.TypeMapping;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.schema.reflection.ReferentialAction;
import io.mapper.types.SqlType;
import io.mapper.types.Types;

/**
 * Reads one {@code @ElementCollection} field into an {@link ElementCollectionMapping}, checking it, and creates the
 * collection tables once every mapper exists (their join column refers to the owner's key).
 */
final class ElementCollectionBuilder {

    private ElementCollectionBuilder() {
    }

    /** The mapping of an {@code @ElementCollection} field of {@code owner}; mistakes raise naming the fix. */
    static ElementCollectionMapping map(Class<?> owner, Field field, MappingOptions options) {
        ElementCollection annotation = field.getAnnotation(ElementCollection.class);
        Class<?> fieldType = field.getType();
        if (fieldType != List.class && fieldType != Set.class && fieldType != Collection.class) {
            throw new MappingException(owner, field.getName(), "an element collection must be declared as List, Set "
                    + "or Collection, not " + fieldType.getSimpleName() + ".", "Change the field's type to "
                    + "Set<String>, List<String> or List<SomeEmbeddable>.");
        }
        if (!(field.getGenericType() instanceof ParameterizedType parameterized)
                || !(parameterized.getActualTypeArguments()[0] instanceof Class<?> elementType)) {
            throw new MappingException(owner, field.getName(), "it is a raw (or wildcard) " + fieldType.getSimpleName()
                    + ", so mapper cannot tell what its elements are.", "Declare the element type: "
                    + fieldType.getSimpleName() + "<String>, " + fieldType.getSimpleName() + "<Address>, ...");
        }
        if (elementType.isAnnotationPresent(Entity.class)) {
            throw new MappingException(owner, field.getName(), "its elements are the entity "
                    + elementType.getSimpleName() + ", and an element collection holds values, not entities.",
                    "Use @OneToMany(mappedBy = ...) or @ManyToMany for a collection of entities.");
        }
        OrderColumn order = field.getAnnotation(OrderColumn.class);
        // In a collection table the order column is "position" unless named (a child table's default differs).
        String orderName = order == null ? null : order.name().isEmpty() ? "position" : order.name();
        ElementCollectionMapping.Kind kind;
        if (fieldType == Set.class) {
            if (order != null) {
                throw new MappingException(owner, field.getName(), "a Set has no order to keep in an @OrderColumn.",
                        "Declare it as a List, or remove @OrderColumn.");
            }
            kind = ElementCollectionMapping.Kind.SET;
        } else {
            kind = order == null ? ElementCollectionMapping.Kind.BAG : ElementCollectionMapping.Kind.ORDERED_LIST;
        }
        boolean keyed = kind == ElementCollectionMapping.Kind.SET;
        List<ElementCollectionMapping.ValueColumn> columns = new ArrayList<>();
        EmbeddedMapping embedded = null;
        Column column = field.getAnnotation(Column.class);
        if (elementType.isAnnotationPresent(Embeddable.class)) {
            embedded = EmbeddedMapping.of(owner, field, elementType);
            for (EmbeddedMapping.Component component : embedded.components()) {
                Column componentColumn = component.column();
                String name = componentColumn == null || componentColumn.name().isEmpty()
                        ? options.naming().columnName(component.name()) : componentColumn.name();
                SqlType<?> type = TypeMapping.forJavaType(component.type(), componentColumn);
                if (type == null) {
                    throw new MappingException(owner, field.getName() + "." + component.name(), "mapper has no SQL "
                            + "type for " + component.type().getName() + ".", "Use a supported type (numbers, "
                            + "String, BigDecimal, java.time, UUID, byte[], enums).");
                }
                // A set's rows are keyed by all their values, so none may be NULL.
                boolean nullable = !keyed && !component.type().isPrimitive()
                        && (componentColumn == null || componentColumn.nullable());
                columns.add(new ElementCollectionMapping.ValueColumn(
                        io.mapper.schema.Column.of(name, type).nullable(nullable), component.type()));
            }
        } else {
            String name = column == null || column.name().isEmpty() ? options.naming().columnName(field.getName())
                    : column.name();
            SqlType<?> type = PropertyTypes.of(owner, field, elementType, column, options);
            // A null element is refused at the flush: the column never holds NULL.
            columns.add(new ElementCollectionMapping.ValueColumn(
                    io.mapper.schema.Column.of(name, type).nullable(false), elementType));
        }
        Class<?> declaring = field.getDeclaringClass().isAnnotationPresent(Entity.class) ? field.getDeclaringClass()
                : owner;
        CollectionTable table = field.getAnnotation(CollectionTable.class);
        String tableName = table == null || table.name().isEmpty()
                ? options.naming().tableName(declaring.getSimpleName() + capitalized(field.getName()))
                : table.name();
        String joinColumn = table == null || table.joinColumn().isEmpty()
                ? options.naming().joinColumnName(decapitalized(declaring.getSimpleName())) : table.joinColumn();
        for (ElementCollectionMapping.ValueColumn value : columns) {
            if (value.column().name().equalsIgnoreCase(joinColumn)
                    || orderName != null && value.column().name().equalsIgnoreCase(orderName)) {
                throw new MappingException(owner, field.getName(), "its value column '" + value.column().name()
                        + "' has the name of the collection table's join or order column.", "Name the value "
                        + "column with @Column(name = ...), or the others in @CollectionTable/@OrderColumn.");
            }
        }
        FetchStrategy fetch = annotation.fetch() == FetchStrategy.DEFAULT ? FetchStrategy.LAZY : annotation.fetch();
        return new ElementCollectionMapping(owner, field, kind, elementType, fetch, embedded, tableName, joinColumn,
                orderName, columns);
    }

    /**
     * Creates the collection table of every element collection: the join column (a foreign key to the owner's key,
     * ON DELETE CASCADE), the order column of an ordered list, the value columns; keyed by the join and value columns
     * for a set, the join and order columns for an ordered list, unkeyed (with an index on the join column) for a bag.
     * The classes of a hierarchy share the table of a collection their superclass declares.
     */
    static void resolve(MetaData metadata, Map<Class<?>, Mapper<?>> mappers) {
        Map<Field, Table> tables = new java.util.HashMap<>();
        for (Mapper<?> mapper : mappers.values()) {
            for (ElementCollectionMapping collection : mapper.elementCollections()) {
                Table table = tables.get(collection.field());
                if (table == null) {
                    table = createTable(metadata, mapper, mappers, collection);
                    tables.put(collection.field(), table);
                }
                collection.resolve(mapper, table);
            }
        }
    }

    private static Table createTable(MetaData metadata, Mapper<?> mapper, Map<Class<?>, Mapper<?>> mappers,
            ElementCollectionMapping collection) {
        Mapper<?> declaring = mappers.getOrDefault(collection.field().getDeclaringClass(), mapper);
        if (declaring.primaryKey().size() != 1) {
            throw new MappingException(mapper.entityType(), collection.name(), "an element collection needs a "
                    + "single-column primary key on its owner.", "Give " + mapper.entityType().getSimpleName()
                    + " a single @Id, or map the elements as an entity with a @ManyToOne to it.");
        }
        io.mapper.schema.Column<?> ownerKey = declaring.primaryKey().get(0).column();
        ElementCollectionMapping.Kind kind = collection.kind();
        io.mapper.schema.Column<?> join = io.mapper.schema.Column.of(collection.joinColumnName(), ownerKey.type())
                .nullable(false);
        // Each class of a table-per-class hierarchy has a table of its own: no one table to refer to.
        boolean ownTables = declaring.inheritance() != null
                && declaring.inheritance().strategy() == io.mapper.orm.annotation.InheritanceType.TABLE_PER_CLASS;
        if (!ownTables) {
            join = join.references(declaring.table() + "." + ownerKey.name()).onDelete(ReferentialAction.CASCADE);
        }
        join = kind == ElementCollectionMapping.Kind.BAG ? join.index() : join.primaryKey();
        List<io.mapper.schema.TableElement> elements = new ArrayList<>();
        elements.add(join);
        String orderName = collection.orderColumnName();
        if (orderName != null) {
            elements.add(io.mapper.schema.Column.of(orderName, Types.INTEGER).nullable(false).primaryKey());
        }
        for (ElementCollectionMapping.ValueColumn value : collection.declaredColumns()) {
            io.mapper.schema.Column<?> valueColumn = value.column();
            elements.add(kind == ElementCollectionMapping.Kind.SET ? valueColumn.primaryKey() : valueColumn);
        }
        String schema = declaring.table().schema();
        io.mapper.schema.TableElement[] rest = elements.subList(1, elements.size())
                .toArray(io.mapper.schema.TableElement[]::new);
        try {
            return schema == null ? metadata.table(collection.tableName(), elements.get(0), rest)
                    : metadata.table(schema, collection.tableName(), elements.get(0), rest);
        } catch (io.mapper.exception.ArgumentException e) {
            throw new MappingException(mapper.entityType(), collection.name(), "its collection table '"
                    + collection.tableName() + "' is invalid: " + e.getMessage(), "Name it with "
                    + "@CollectionTable(name = ...), or fix its column names.");
        }
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String decapitalized(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
