package io.mapper.orm.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.JoinColumn;
import io.mapper.orm.annotation.JoinTable;
import io.mapper.schema.Column;
import io.mapper.schema.ForeignKeyConstraint;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.schema.TableElement;
import io.mapper.schema.reflection.ReferentialAction;

/** Connects relationships once every mapper exists: targets, the two sides of each pair, association tables. */
final class RelationshipResolver {

    private RelationshipResolver() {
    }

    static void resolve(MetaData metadata, Map<Class<?>, Mapper<?>> mappers,
            io.mapper.orm.convention.NamingStrategy naming) {
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
                    createAssociation(metadata, mapper, relationship, naming);
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
                    relationship.association(owning.associationTable(), owning.associationTargetColumns(),
                            owning.associationOwnerColumns());
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

    private static void createAssociation(MetaData metadata, Mapper<?> owner, RelationshipMapping relationship,
            io.mapper.orm.convention.NamingStrategy naming) {
        Mapper<?> target = relationship.target();
        java.lang.reflect.Field field;
        try {
            field = owner.entityType().getDeclaredField(relationship.name());
        } catch (NoSuchFieldException e) {
            field = null;
        }
        JoinTable joinTable = field == null ? null : field.getAnnotation(JoinTable.class);
        String ownerTable = owner.table().name();
        String targetTable = target.table().name();
        String name = joinTable == null ? naming.associationTableName(ownerTable, targetTable) : joinTable.name();
        // The association table lives in the owner's schema unless @JoinTable(schema) names another.
        String schema = joinTable != null && !joinTable.schema().isEmpty() ? joinTable.schema()
                : owner.table().schema();
        List<String> ownerColumns = ForeignKeyColumns.association(owner.entityType(), relationship.name(),
                owner.entityType(), ownerTable, keyColumns(owner), joinTable == null ? "" : joinTable.joinColumn(),
                joinTable == null ? new JoinColumn[0] : joinTable.joinColumns(), "joinColumn", naming);
        List<String> targetColumns = ForeignKeyColumns.association(owner.entityType(), relationship.name(),
                target.entityType(), targetTable, keyColumns(target),
                joinTable == null ? "" : joinTable.inverseJoinColumn(),
                joinTable == null ? new JoinColumn[0] : joinTable.inverseJoinColumns(), "inverseJoinColumn", naming);
        List<String> shared = ownerColumns.stream().filter(targetColumns::contains).toList();
        if (!shared.isEmpty()) {
            throw new MappingException(owner.entityType(), relationship.name(), "both sides' association columns "
                    + "would be named " + shared + ".", "Name them with @JoinTable(joinColumn = ..., "
                    + "inverseJoinColumn = ...), or joinColumns/inverseJoinColumns for a composite key.");
        }
        List<TableElement> elements = new ArrayList<>();
        references(elements, owner, ownerColumns);
        references(elements, target, targetColumns);
        TableElement first = elements.remove(0);
        TableElement[] rest = elements.toArray(TableElement[]::new);
        Table table = schema == null ? metadata.table(name, first, rest) : metadata.table(schema, name, first, rest);
        relationship.association(table, ownerColumns.stream().<Column<?>>map(table::column).toList(),
                targetColumns.stream().<Column<?>>map(table::column).toList());
    }

    private static List<String> keyColumns(Mapper<?> mapper) {
        return mapper.primaryKey().stream().map(key -> key.column().name()).toList();
    }

    /**
     * The association columns referring to one side, all in the primary key, and their FOREIGN KEY (one constraint
     * over all the columns for a composite key), {@code ON DELETE CASCADE}.
     */
    private static void references(List<TableElement> elements, Mapper<?> side, List<String> columns) {
        List<PropertyMapping> keys = side.primaryKey();
        for (int i = 0; i < keys.size(); i++) {
            Column<?> key = keys.get(i).column();
            Column<?> column = Column.of(columns.get(i), key.type()).primaryKey();
            if (keys.size() == 1) {
                column = column.references(side.table() + "." + key.name()).onDelete(ReferentialAction.CASCADE);
            }
            elements.add(column);
        }
        if (keys.size() > 1) {
            elements.add(ForeignKeyConstraint.of(columns, side.table().toString(), keyColumns(side))
                    .onDelete(ReferentialAction.CASCADE));
        }
    }
}
