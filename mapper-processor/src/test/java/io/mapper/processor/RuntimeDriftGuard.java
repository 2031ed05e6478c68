package io.mapper.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mapper.orm.Attribute;
import io.mapper.orm.convention.NamingStrategy;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.MappingOptions;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.sql.TableClause;

/**
 * The drift guard between processor and runtime: a generated metamodel must name exactly the runtime mapping's
 * table, properties, columns and SQL types.
 */
final class RuntimeDriftGuard {

    private RuntimeDriftGuard() {
    }

    /** The metamodel's attributes by generated field name, in declaration order. */
    static Map<String, Attribute<?, ?>> attributes(Class<?> metamodel) throws IllegalAccessException {
        Map<String, Attribute<?, ?>> attributes = new LinkedHashMap<>();
        for (Field field : metamodel.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Attribute.class) {
                field.setAccessible(true);
                attributes.put(field.getName(), (Attribute<?, ?>) field.get(null));
            }
        }
        return attributes;
    }

    static TableClause table(Class<?> metamodel) throws ReflectiveOperationException {
        Field field = metamodel.getDeclaredField("TABLE");
        field.setAccessible(true);
        return (TableClause) field.get(null);
    }

    /** Asserts that {@code metamodel} agrees with {@code MapperRegistry}'s mapping of {@code entity} everywhere. */
    static void assertMatchesRuntime(Class<?> entity, Class<?> metamodel) throws ReflectiveOperationException {
        assertMatchesRuntime(entity, metamodel, List.of(entity), NamingStrategy.SNAKE_CASE);
    }

    /** {@link #assertMatchesRuntime(Class, Class)} for an entity mapped with the entities it refers to. */
    static void assertMatchesRuntime(Class<?> entity, Class<?> metamodel, List<Class<?>> related)
            throws ReflectiveOperationException {
        List<Class<?>> entities = new java.util.ArrayList<>(related);
        entities.add(0, entity);
        assertMatchesRuntime(entity, metamodel, entities, NamingStrategy.SNAKE_CASE);
    }

    /**
     * Asserts that {@code metamodel} agrees with the mapping of {@code entity} when {@code mapped} are mapped together
     * under {@code naming}.
     */
    static void assertMatchesRuntime(Class<?> entity, Class<?> metamodel, List<Class<?>> mapped, NamingStrategy naming)
            throws ReflectiveOperationException {
        Mapper<?> mapper = MapperRegistry.of(new MetaData(), mapped, new MappingOptions(List.of(), null, naming))
                .mapper(entity);
        TableClause table = table(metamodel);
        assertThat(table.name()).isEqualTo(mapper.table().name());
        assertThat(table.schema()).isEqualTo(mapper.table().schema());
        Map<String, Attribute<?, ?>> attributes = attributes(metamodel);
        assertThat(attributes.values()).extracting(Attribute::property)
                .containsExactlyInAnyOrderElementsOf(mapper.properties().stream().map(PropertyMapping::path).toList());
        for (Attribute<?, ?> attribute : attributes.values()) {
            PropertyMapping property = mapper.property(attribute.property());
            Column<?> column = mapper.table().column(attribute.name());
            assertThat(attribute.name()).as(attribute + " column").isEqualTo(property.column().name());
            assertThat(attribute.type()).as(attribute + " type").isEqualTo(column.type());
            assertThat(attribute.type().javaType()).as(attribute + " Java type").isEqualTo(column.type().javaType());
            assertThat(attribute.entityType()).isSameAs(entity);
            assertThat(attribute.table()).isSameAs(table);
        }
    }
}
