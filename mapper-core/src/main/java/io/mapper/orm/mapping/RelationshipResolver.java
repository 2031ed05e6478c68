package io.mapper.orm.mapping;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.JoinTable;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.schema.reflection.ReferentialAction;

/** Connects relationships once every mapper exists: targets, the two sides of each pair, association tables. */
final class RelationshipResolver {

    private RelationshipResolver() {
    }

    static void resolve(MetaData metadata, Map<Class<?>, Mapper<?>> mappers) {
        for (Mapper<?> mapper : mappers.values()) {
            for (RelationshipMapping relationship : mapper.relationships()) {
                relationship.owner(mapper);
                Mapper<?> target = mappers.get(relationship.targetType());
                switch (relationship.kind()) {
                    case MANY_TO_ONE -> relationship.resolve(target, mirrorOf(target, relationship));
                    case ONE_TO_MANY -> {
                        relationship.resolve(target, relationship.isUnidirectional() ? null
                                : owningManyToOne(mapper, target, relationship));
                        relationship.linkCollectionColumns(target);
                    }
                    case MANY_TO_MANY -> relationship.resolve(target, null);
                }
            }
        }
        for (Mapper<?> mapper : mappers.values()) {
            for (RelationshipMapping relationship : mapper.relationships()) {
                if (relationship.ownsAssociation()) {
                    createAssociation(metadata, mapper, relationship);
                }
            }
        }
        for (Mapper<?> mapper : mappers.values()) {
            for (RelationshipMapping relationship : mapper.relationships()) {
                if (relationship.kind() == RelationshipMapping.Kind.MANY_TO_MANY && !relationship.ownsAssociation()) {
                    RelationshipMapping owning = relationship.target().relationship(relationship.mappedBy());
                    if (!owning.ownsAssociation() || owning.targetType() != mapper.entityType()) {
                        throw new MappingException(mapper.entityType(), relationship.name(), "mappedBy = \""
                                + relationship.mappedBy() + "\" must name the owning @ManyToMany of "
                                + relationship.targetType().getSimpleName() + " that targets "
                                + mapper.entityType().getSimpleName() + ".", "Fix mappedBy.");
                    }
                    relationship.association(owning.associationTable(), owning.associationTargetColumn(),
                            owning.associationOwnerColumn());
                    relationship.resolve(relationship.target(), owning);
                    owning.resolve(owning.target(), relationship);
                }
            }
        }
    }

    /**
     * The one-to-many or one-to-one on the target whose mappedBy names this many-to-one, if any; for a subclass's
     * copy of an inherited many-to-one, the one of its nearest superclass ({@code Owner.animals} for
     * {@code Dog.owner}) unless one targets the subclass itself.
     */
    private static @Nullable RelationshipMapping mirrorOf(Mapper<?> target, RelationshipMapping manyToOne) {
        RelationshipMapping nearest = null;
        for (RelationshipMapping candidate : target.relationships()) {
            if (candidate.kind() == RelationshipMapping.Kind.ONE_TO_MANY
                    && candidate.mappedBy().equals(manyToOne.name())
                    && candidate.targetType().isAssignableFrom(manyToOne.ownerType())
                    && (nearest == null || nearest.targetType().isAssignableFrom(candidate.targetType()))) {
                nearest = candidate;
            }
        }
        return nearest;
    }

    private static RelationshipMapping owningManyToOne(Mapper<?> owner, Mapper<?> target,
            RelationshipMapping oneToMany) {
        RelationshipMapping inverse;
        try {
            inverse = target.relationship(oneToMany.mappedBy());
        } catch (io.mapper.exception.ArgumentException e) {
            throw new MappingException(owner.entityType(), oneToMany.name(), "mappedBy = \"" + oneToMany.mappedBy()
                    + "\" names no relationship of " + target.entityType().getSimpleName() + ".",
                    "Add a @ManyToOne " + owner.entityType().getSimpleName() + " field to "
                    + target.entityType().getSimpleName() + " and name it in mappedBy.");
        }
        if (inverse.kind() != RelationshipMapping.Kind.MANY_TO_ONE || inverse.targetType() != owner.entityType()) {
            throw new MappingException(owner.entityType(), oneToMany.name(), "mappedBy = \"" + oneToMany.mappedBy()
                    + "\" must name a @ManyToOne (or owning @OneToOne) of " + target.entityType().getSimpleName()
                    + " that refers to " + owner.entityType().getSimpleName() + ".", "Fix mappedBy.");
        }
        return inverse;
    }

    private static void createAssociation(MetaData metadata, Mapper<?> owner, RelationshipMapping relationship) {
        Mapper<?> target = relationship.target();
        if (owner.primaryKey().size() != 1 || target.primaryKey().size() != 1) {
            throw new MappingException(owner.entityType(), relationship.name(), "many-to-many needs single-column "
                    + "primary keys on both sides.", "Map an association entity instead.");
        }
        java.lang.reflect.Field field;
        try {
            field = owner.entityType().getDeclaredField(relationship.name());
        } catch (NoSuchFieldException e) {
            field = null;
        }
        JoinTable joinTable = field == null ? null : field.getAnnotation(JoinTable.class);
        String ownerTable = owner.table().name();
        String targetTable = target.table().name();
        String name = joinTable == null ? ownerTable + "_" + targetTable : joinTable.name();
        // The association table lives in the owner's schema unless @JoinTable(schema) names another.
        String schema = joinTable != null && !joinTable.schema().isEmpty() ? joinTable.schema()
                : owner.table().schema();
        String ownerColumn = joinTable == null || joinTable.joinColumn().isEmpty() ? ownerTable + "_id"
                : joinTable.joinColumn();
        String targetColumn = joinTable == null || joinTable.inverseJoinColumn().isEmpty() ? targetTable + "_id"
                : joinTable.inverseJoinColumn();
        if (ownerColumn.equals(targetColumn)) {
            throw new MappingException(owner.entityType(), relationship.name(), "both association columns would be "
                    + "named '" + ownerColumn + "'.", "Name them with @JoinTable(joinColumn = ..., "
                    + "inverseJoinColumn = ...).");
        }
        Column<?> ownerKey = owner.primaryKey().get(0).column();
        Column<?> targetKey = target.primaryKey().get(0).column();
        Column<?> ownerReference = Column.of(ownerColumn, ownerKey.type()).primaryKey()
                .references(owner.table() + "." + ownerKey.name()).onDelete(ReferentialAction.CASCADE);
        Column<?> targetReference = Column.of(targetColumn, targetKey.type()).primaryKey()
                .references(target.table() + "." + targetKey.name()).onDelete(ReferentialAction.CASCADE);
        Table table = schema == null ? metadata.table(name, ownerReference, targetReference)
                : metadata.table(schema, name, ownerReference, targetReference);
        relationship.association(table, table.column(ownerColumn), table.column(targetColumn));
    }
}
