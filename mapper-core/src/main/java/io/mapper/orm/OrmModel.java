package io.mapper.orm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.orm.mapping.RelationshipMapping;
import io.mapper.schema.Column;
import io.mapper.types.SqlType;

/**
 * A read-only description of what a {@link SessionFactory} maps: each entity with its table, its mapped properties
 * and its relationships, for tools (the Actuator endpoint, build plugins, diagnostics) that must not depend on the
 * ORM's internal mapping classes. Get one from {@link SessionFactory#model()}; immutable and thread-safe.
 *
 * <pre>{@code
 * for (OrmModel.Entity entity : sessionFactory.model().entities()) {
 *     System.out.println(entity.name() + " -> " + entity.table());       // Customer -> customer
 * }
 * OrmModel.Entity customer = sessionFactory.model().entity(Customer.class).orElseThrow();
 * }</pre>
 *
 * @param entities the mapped entities, sorted by entity name
 */
public record OrmModel(List<Entity> entities) {

    /** A model of these entities; the list is copied. */
    public OrmModel {
        entities = List.copyOf(entities);
    }

    /** The entity mapped from {@code type}, if the factory maps it. */
    public Optional<Entity> entity(Class<?> type) {
        Objects.requireNonNull(type, "type must not be null");
        return entities.stream().filter(entity -> entity.javaType() == type).findFirst();
    }

    /** The entity of this name ({@code @Entity(name = ...)}, else the simple class name), if the factory maps it. */
    public Optional<Entity> entity(String name) {
        Objects.requireNonNull(name, "name must not be null");
        return entities.stream().filter(entity -> entity.name().equals(name)).findFirst();
    }

    /**
     * One mapped entity.
     *
     * @param name the entity name
     * @param javaType the mapped class
     * @param table the name of its table
     * @param schema the table's schema, or null for the connection's default schema
     * @param properties the mapped properties, one per column, in mapping order
     * @param relationships the relationships, in declaration order
     */
    public record Entity(String name, Class<?> javaType, String table, @Nullable String schema,
            List<Property> properties, List<Relationship> relationships) {

        /** An entity; the lists are copied. */
        public Entity {
            properties = List.copyOf(properties);
            relationships = List.copyOf(relationships);
        }

        /** The properties that make up the primary key, in key order. */
        public List<Property> primaryKey() {
            return properties.stream().filter(Property::primaryKey).toList();
        }
    }

    /**
     * One mapped property and its column.
     *
     * @param name the property path: {@code name}, or {@code address.city} for a column of an embedded value
     * @param column the column name
     * @param sqlType the column's SQL type
     * @param javaType the Java type of the column's values (boxed: {@code Integer} for an {@code int} property)
     * @param primaryKey whether the property is (part of) the primary key
     * @param version whether the property is the optimistic-lock version
     * @param nullable whether the column accepts NULL
     */
    public record Property(String name, String column, SqlType<?> sqlType, Class<?> javaType, boolean primaryKey,
            boolean version, boolean nullable) {
    }

    /**
     * One relationship between two entities.
     *
     * @param name the property holding the related entity or collection
     * @param kind how the tables are linked
     * @param target the name of the related entity
     * @param targetType the related entity's class
     * @param fetch how the relationship loads (never {@code DEFAULT}: the mapping resolved it)
     * @param cascades the session operations that cascade along it ({@code ALL} expanded into its members)
     * @param mappedBy the other side's property when this side does not own the link, else null
     */
    public record Relationship(String name, RelationshipKind kind, String target, Class<?> targetType,
            FetchStrategy fetch, Set<Cascade> cascades, @Nullable String mappedBy) {

        /** A relationship; the cascades are copied. */
        public Relationship {
            cascades = cascades.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(cascades));
        }
    }

    /** How a relationship links its tables. */
    public enum RelationshipKind {
        /** A reference through a foreign key of the owner's table. */
        MANY_TO_ONE,
        /** A collection whose elements' foreign key refers to the owner. */
        ONE_TO_MANY,
        /**
         * A single related entity on either side of a unique foreign key: the owning side holds the key
         * ({@code @OneToOne}), the inverse side names it ({@code @OneToOne(mappedBy = ...)}).
         */
        ONE_TO_ONE,
        /** A collection linked through an association table. */
        MANY_TO_MANY
    }

    /** The model of the registry's mappers. */
    static OrmModel of(MapperRegistry registry) {
        List<Entity> entities = new ArrayList<>();
        for (Mapper<?> mapper : registry.mappers()) {
            entities.add(entity(mapper));
        }
        entities.sort(Comparator.comparing(Entity::name));
        return new OrmModel(entities);
    }

    private static Entity entity(Mapper<?> mapper) {
        List<Property> properties = new ArrayList<>();
        for (PropertyMapping property : mapper.properties()) {
            Column<?> column = property.column();
            properties.add(new Property(property.path(), column.name(), column.type(), column.type().javaType(),
                    property.isPrimaryKey(), property.isVersion(), column.isNullable()));
        }
        List<Relationship> relationships = new ArrayList<>();
        for (RelationshipMapping relationship : mapper.relationships()) {
            relationships.add(relationship(relationship));
        }
        return new Entity(mapper.entityName(), mapper.entityType(), mapper.table().name(), mapper.table().schema(),
                properties, relationships);
    }

    /**
     * The kind as the user declared it: the mapping files a one-to-one under the two kinds that implement it (the
     * owning side as a many-to-one over a unique foreign key, the inverse side as a single-valued one-to-many).
     */
    private static RelationshipKind kind(RelationshipMapping relationship) {
        return switch (relationship.kind()) {
            case MANY_TO_ONE -> uniqueForeignKey(relationship)
                    ? RelationshipKind.ONE_TO_ONE : RelationshipKind.MANY_TO_ONE;
            case ONE_TO_MANY -> relationship.isSingleValued()
                    ? RelationshipKind.ONE_TO_ONE : RelationshipKind.ONE_TO_MANY;
            case MANY_TO_MANY -> RelationshipKind.MANY_TO_MANY;
        };
    }

    /** Whether a reference's foreign key is unique: its column, or a UNIQUE constraint over its columns. */
    private static boolean uniqueForeignKey(RelationshipMapping relationship) {
        List<io.mapper.orm.mapping.PropertyMapping> columns = relationship.foreignKeys();
        if (columns.size() == 1) {
            return columns.get(0).column().isUnique();
        }
        List<String> names = columns.stream().map(column -> column.column().name()).toList();
        return relationship.owner().table().uniqueConstraints().stream()
                .anyMatch(unique -> unique.columnNames().size() == names.size()
                        && unique.columnNames().containsAll(names));
    }

    private static Relationship relationship(RelationshipMapping relationship) {
        EnumSet<Cascade> cascades = EnumSet.noneOf(Cascade.class);
        for (Cascade cascade : Cascade.values()) {
            if (relationship.cascades(cascade)) {
                cascades.add(cascade);
            }
        }
        String mappedBy = relationship.mappedBy();
        return new Relationship(relationship.name(), kind(relationship),
                relationship.target().entityName(), relationship.target().entityType(), relationship.fetch(),
                cascades, mappedBy.isEmpty() ? null : mappedBy);
    }
}
