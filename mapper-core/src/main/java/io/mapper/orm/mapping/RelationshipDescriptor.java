package io.mapper.orm.mapping;

import java.lang.reflect.Field;

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
 *
 * @param kind the relationship kind
 * <p>Tables in a named schema ({@code @Table(schema)}) are given as {@code schema.table}.
 *
 * @param ownerTable the declaring entity's table
 * @param ownerKey the declaring entity's key column
 * @param targetTable the related entity's table
 * @param targetKey the related entity's key column
 * @param foreignKey for MANY_TO_ONE the column of the owner table, for ONE_TO_MANY the column of the target table
 * @param associationTable for MANY_TO_MANY the association table
 * @param associationOwner for MANY_TO_MANY the association column referring to the owner
 * @param associationTarget for MANY_TO_MANY the association column referring to the target
 * @param targetKeyType the SQL type of the related entity's key (and of a many-to-one's foreign key)
 */
public record RelationshipDescriptor(RelationshipMapping.Kind kind, String ownerTable, String ownerKey,
        String targetTable, String targetKey, @Nullable String foreignKey, @Nullable String associationTable,
        @Nullable String associationOwner, @Nullable String associationTarget,
        io.mapper.types.SqlType<?> targetKeyType) {

    /** Describes the relationship property {@code name} of {@code owner} under the default (snake_case) naming. */
    public static RelationshipDescriptor of(Class<?> owner, String name, Class<?> target) {
        return of(owner, name, target, NamingStrategy.SNAKE_CASE);
    }

    /** Describes the relationship property {@code name} of {@code owner}, with the names {@code naming} gives. */
    public static RelationshipDescriptor of(Class<?> owner, String name, Class<?> target, NamingStrategy naming) {
        Field field = field(owner, name);
        MapperBuilder.EntityInfo ownerInfo = MapperBuilder.info(owner, naming);
        MapperBuilder.EntityInfo targetInfo = MapperBuilder.info(target, naming);
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        if (field.isAnnotationPresent(ManyToOne.class) || (oneToOne != null && oneToOne.mappedBy().isEmpty())) {
            return new RelationshipDescriptor(RelationshipMapping.Kind.MANY_TO_ONE, ownerInfo.qualifiedName(),
                    ownerInfo.keyColumn(), targetInfo.qualifiedName(), targetInfo.keyColumn(),
                    joinColumn(field, naming), null, null, null, targetInfo.keyType());
        }
        OneToMany oneToMany = field.getAnnotation(OneToMany.class);
        if (oneToMany != null || oneToOne != null) {
            String mappedBy = oneToMany != null ? oneToMany.mappedBy() : oneToOne.mappedBy();
            // A unidirectional one-to-many names the foreign key column of the target's table itself.
            String foreignKey = mappedBy.isEmpty() && field.isAnnotationPresent(JoinColumn.class)
                    ? field.getAnnotation(JoinColumn.class).name() : joinColumn(field(target, mappedBy), naming);
            return new RelationshipDescriptor(RelationshipMapping.Kind.ONE_TO_MANY, ownerInfo.qualifiedName(),
                    ownerInfo.keyColumn(), targetInfo.qualifiedName(), targetInfo.keyColumn(),
                    foreignKey, null, null, null, targetInfo.keyType());
        }
        ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
        if (manyToMany == null) {
            throw new MappingException(owner, name, "it is not a relationship.",
                    "Annotate it with @ManyToOne, @OneToMany, @OneToOne or @ManyToMany.");
        }
        if (!manyToMany.mappedBy().isEmpty()) {
            RelationshipDescriptor owning = of(target, manyToMany.mappedBy(), owner, naming);
            return new RelationshipDescriptor(RelationshipMapping.Kind.MANY_TO_MANY, ownerInfo.qualifiedName(),
                    ownerInfo.keyColumn(), targetInfo.qualifiedName(), targetInfo.keyColumn(), null,
                    owning.associationTable(), owning.associationTarget(), owning.associationOwner(),
                    targetInfo.keyType());
        }
        JoinTable joinTable = field.getAnnotation(JoinTable.class);
        String table = joinTable == null ? ownerInfo.tableName() + "_" + targetInfo.tableName() : joinTable.name();
        String schema = joinTable != null && !joinTable.schema().isEmpty() ? joinTable.schema() : ownerInfo.schema();
        if (schema != null) {
            table = schema + "." + table;
        }
        String ownerColumn = joinTable == null || joinTable.joinColumn().isEmpty() ? ownerInfo.tableName() + "_id"
                : joinTable.joinColumn();
        String targetColumn = joinTable == null || joinTable.inverseJoinColumn().isEmpty()
                ? targetInfo.tableName() + "_id" : joinTable.inverseJoinColumn();
        return new RelationshipDescriptor(RelationshipMapping.Kind.MANY_TO_MANY, ownerInfo.qualifiedName(),
                ownerInfo.keyColumn(), targetInfo.qualifiedName(), targetInfo.keyColumn(), null, table, ownerColumn,
                targetColumn, targetInfo.keyType());
    }

    private static String joinColumn(Field field, NamingStrategy naming) {
        JoinColumn join = field.getAnnotation(JoinColumn.class);
        return join == null ? naming.joinColumnName(field.getName()) : join.name();
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
