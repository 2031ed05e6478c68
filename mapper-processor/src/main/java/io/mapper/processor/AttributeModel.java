package io.mapper.processor;

/**
 * One generated attribute of a metamodel class.
 *
 * @param fieldName the generated field's name ({@code name}, or {@code addressCity} for an embedded component)
 * @param property the mapped property's path ({@code name}, or {@code address.city})
 * @param column the column name
 * @param javaType the source text of the attribute's value type, boxed ({@code java.lang.Long})
 * @param sqlType the source text of the {@code SqlType} expression ({@code io.mapper.types.Types.BIGINT})
 * @param javadoc the generated field's Javadoc sentence
 * @param table the table of the column: the entity's own, or in an inheritance hierarchy the class's that holds it
 * @param raw whether {@code javaType} names a generic class raw (a {@code @Json List}), so the class needs
 *     {@code @SuppressWarnings("rawtypes")}
 */
record AttributeModel(String fieldName, String property, String column, String javaType, String sqlType,
        String javadoc, String table, boolean raw) {
}
