package io.mapper.orm.mapping;

import java.lang.reflect.Field;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.JoinTable;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.OneToOne;
import io.mapper.orm.convention.NamingStrategy;

/**
 * The tables and columns of one relationship, read from the annotations alone (no session factory needed), so a
 * metamodel handle can build joins and EXISTS conditions anywhere. The same rules as the {@link MapperRegistry}.
 * Keys are lists of columns in key order: one column for a single-column key, one per part of a composite key.
 *
 * <p>Tables in a named schema ({@code @Table(schema)}) are given as {@code schema.table}.
 *
 * @param kind the relationship kind
 * @param ownerTable the declaring entity's table
 * @param ownerKey the declaring entity's key columns
 * @param targetTable the related entity's table
 * @param targetKey the related entity's key columns
 * @param foreignKey for MANY_TO_ONE the columns of the owner table, for ONE_TO_MANY the columns of the target table,
 *     in the order of the key they refer to; empty for MANY_TO_MANY
 * @param associationTable for MANY_TO_MANY the association table
 * @param associationOwner for MANY_TO_MANY the association columns referring to the owner's key parts; else empty
 * @param associationTarget for MANY_TO_MANY the association columns referring to the target's key parts; else empty
 * @param targetKeyTypes the SQL types of the related entity's key parts (and of a many-to-one's foreign key)
 */
public record RelationshipDescriptor(RelationshipMapping.Kind kind, String ownerTable, List<String> ownerKey,
        String targetTable, List<String> targetKey, List<String> foreignKey, @Nullable String associationTable,
        List<String> associationOwner, List<String> associationTarget,
        List<io.mapper.types.SqlType<?>> targetKeyTypes) {

    public RelationshipDescriptor {
        ownerKey = List.copyOf(ownerKey);
        targetKey = List.copyOf(targetKey);
        foreignKey = List.copyOf(foreignKey);
        associationOwner = List.copyOf(associationOwner);
        associationTarget = List.copyOf(associationTarget);
        targetKeyTypes = List.copyOf(targetKeyTypes);
    }

    /** Describes the relationship property {@code name} of {@code owner} under the default (snake_case) naming. */
    public static RelationshipDescriptor of(Class<?> owner, String name, Class<?> target) {
        return of(owner, name, target, NamingStrategy.SNAKE_CASE);
    }

    /** Describes the relationship property {@code name} of {@code owner}, with the names {@code naming} gives. */
    public static RelationshipDescriptor of(Class<?> owner, String name, Class<?> target, NamingStrategy naming) {
        Field field = field(owner, name);
        MapperBuilder.EntityInfo ownerInfo = MapperBuilder.info(owner, naming);
        MapperBuilder.EntityInfo targetInfo = MapperBuilder.info(target, naming);
        List<io.mapper.types.SqlType<?>> targetTypes = targetInfo.keys().stream()
                .<io.mapper.types.SqlType<?>>map(MapperBuilder.KeyPart::type).toList();
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        if (field.isAnnotationPresent(ManyToOne.class) || (oneToOne != null && oneToOne.mappedBy().isEmpty())) {
            return new RelationshipDescriptor(RelationshipMapping.Kind.MANY_TO_ONE, ownerInfo.qualifiedName(),
                    ownerInfo.keyColumns(), targetInfo.qualifiedName(), targetInfo.keyColumns(),
                    joinColumns(owner, field, target, targetInfo, naming), null, List.of(), List.of(), targetTypes);
        }
        OneToMany oneToMany = field.getAnnotation(OneToMany.class);
        if (oneToMany != null || oneToOne != null) {
            String mappedBy = oneToMany != null ? oneToMany.mappedBy() : oneToOne.mappedBy();
            // A unidirectional one-to-many names the foreign key column of the target's table itself.
            List<String> foreignKey = mappedBy.isEmpty() && field.isAnnotationPresent(JoinColumn.class)
                    ? List.of(field.getAnnotation(JoinColumn.class).name())
                    : joinColumns(target, field(target, mappedBy), owner, ownerInfo, naming);
            return new RelationshipDescriptor(RelationshipMapping.Kind.ONE_TO_MANY, ownerInfo.qualifiedName(),
                    ownerInfo.keyColumns(), targetInfo.qualifiedName(), targetInfo.keyColumns(), foreignKey, null,
                    List.of(), List.of(), targetTypes);
        }
        ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
        if (manyToMany == null) {
            throw new MappingException(owner, name, "it is not a relationship.",
                    "Annotate it with @ManyToOne, @OneToMany, @OneToOne or @ManyToMany.");
        }
        if (!manyToMany.mappedBy().isEmpty()) {
            RelationshipDescriptor owning = of(target, manyToMany.mappedBy(), owner, naming);
            return new RelationshipDescriptor(RelationshipMapping.Kind.MANY_TO_MANY, ownerInfo.qualifiedName(),
                    ownerInfo.keyColumns(), targetInfo.qualifiedName(), targetInfo.keyColumns(), List.of(),
                    owning.associationTable(), owning.associationTarget(), owning.associationOwner(), targetTypes);
        }
        JoinTable joinTable = field.getAnnotation(JoinTable.class);
        String table = joinTable == null ? naming.associationTableName(ownerInfo.tableName(), targetInfo.tableName())
                : joinTable.name();
        String schema = joinTable != null && !joinTable.schema().isEmpty() ? joinTable.schema() : ownerInfo.schema();
        if (schema != null) {
            table = schema + "." + table;
        }
        List<String> ownerColumns = ForeignKeyColumns.association(owner, name, owner, ownerInfo.tableName(),
                ownerInfo.keyColumns(), joinTable == null ? "" : joinTable.joinColumn(),
                joinTable == null ? new io.mapper.orm.annotation.JoinColumn[0] : joinTable.joinColumns(),
                "joinColumn", naming);
        List<String> targetColumns = ForeignKeyColumns.association(owner, name, target, targetInfo.tableName(),
                targetInfo.keyColumns(), joinTable == null ? "" : joinTable.inverseJoinColumn(),
                joinTable == null ? new io.mapper.orm.annotation.JoinColumn[0] : joinTable.inverseJoinColumns(),
                "inverseJoinColumn", naming);
        return new RelationshipDescriptor(RelationshipMapping.Kind.MANY_TO_MANY, ownerInfo.qualifiedName(),
                ownerInfo.keyColumns(), targetInfo.qualifiedName(), targetInfo.keyColumns(), List.of(), table,
                ownerColumns, targetColumns, targetTypes);
    }

    /** The foreign-key columns of the reference {@code field} of {@code owner} to {@code target}, in key order. */
    private static List<String> joinColumns(Class<?> owner, Field field, Class<?> target,
            MapperBuilder.EntityInfo targetInfo, NamingStrategy naming) {
        return ForeignKeyColumns.of(owner, field, target, targetInfo, naming).stream()
                .map(ForeignKeyColumns.Part::column).toList();
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            try {
                return current.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // Look in the superclass.
            }
        }
        throw new MappingException(type, name, "there is no such field.", "Check the relationship's name.");
    }
}
