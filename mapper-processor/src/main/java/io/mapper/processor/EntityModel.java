package io.mapper.processor;

import java.util.List;

import javax.lang.model.element.TypeElement;

/**
 * What the processor generates for one entity class: its metamodel class's name, its table and its attributes.
 *
 * @param entity the entity class
 * @param packageName the package of the entity and of its metamodel class; empty for the unnamed package
 * @param entityReference the entity's name as written inside its package ({@code User}, {@code Outer.Inner})
 * @param metamodelName the generated class's simple name ({@code User_}, {@code Outer_Inner_})
 * @param tableName the entity's table
 * @param schema the table's schema ({@code @Table(schema)}), or empty for the default schema
 * @param attributes one per mapped column, superclass properties first
 * @param relations one per relationship property: its field name and the related class's canonical name; also one
 *     per element collection ({@code @ElementCollection}), with its element class
 */
record EntityModel(TypeElement entity, String packageName, String entityReference, String metamodelName,
        String tableName, String schema, List<AttributeModel> attributes, List<RelationModel> relations) {

    /** One generated relationship handle ({@code Relation}), or element-collection handle ({@code Elements}). */
    record RelationModel(String fieldName, String targetType, boolean elements) {

        RelationModel(String fieldName, String targetType) {
            this(fieldName, targetType, false);
        }
    }

    /** The generated class's qualified name, for the {@code Filer}. */
    String qualifiedMetamodelName() {
        return packageName.isEmpty() ? metamodelName : packageName + "." + metamodelName;
    }
}
