package io.mapper.orm.mapping;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.MappingException;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Embedded;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToMany;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.OneToOne;
import io.mapper.orm.annotation.Table;
import io.mapper.orm.annotation.Transient;
import io.mapper.orm.annotation.Version;
import io.mapper.orm.loading.EntityInstantiator;
import io.mapper.orm.state.PropertyAccessor;
import io.mapper.schema.MetaData;
import io.mapper.schema.TableElement;
import io.mapper.types.SqlType;

/** Reads one entity class's annotations and builds its {@link Mapper} and table. */
final class MapperBuilder {

    private final Class<?> type;
    private final List<io.mapper.schema.Column<?>> columns = new ArrayList<>();
    private final List<PendingProperty> pending = new ArrayList<>();
    private final List<EmbeddedMapping> embeddeds = new ArrayList<>();
    private final List<Object> access = new ArrayList<>();

    private record PendingProperty(String path, String column, boolean primaryKey, boolean version,
            @Nullable GenerationStrategy generation) {
    }

    private MapperBuilder(Class<?> type) {
        this.type = type;
    }

    static <E> Mapper<E> build(Class<E> type, MetaData metadata) {
        return new MapperBuilder(type).map(type, metadata);
    }

    private <E> Mapper<E> map(Class<E> entityType, MetaData metadata) {
        EntityInstantiator<E> instantiator = EntityInstantiator.of(entityType);
        Entity entity = entityType.getAnnotation(Entity.class);
        String entityName = entity == null || entity.name().isEmpty() ? entityType.getSimpleName() : entity.name();
        Table tableAnnotation = entityType.getAnnotation(Table.class);
        String tableName = tableAnnotation == null ? Naming.snakeCase(entityType.getSimpleName())
                : tableAnnotation.name();
        for (Field field : mappedFields(entityType)) {
            if (isRelationship(field)) {
                throw new MappingException(entityType, field.getName(), "relationship mappings are not available "
                        + "yet.", "Map the foreign key as a plain column for now (issue 5 adds relationships), or "
                        + "mark the field @Transient.");
            }
            if (field.isAnnotationPresent(Embedded.class)) {
                mapEmbedded(field);
            } else {
                mapColumn(field);
            }
        }
        if (pending.stream().noneMatch(PendingProperty::primaryKey)) {
            throw new MappingException(entityType, "it has no @Id property.",
                    "Annotate the primary-key field with @io.mapper.orm.annotation.Id.");
        }
        if (pending.stream().filter(PendingProperty::version).count() > 1) {
            throw new MappingException(entityType, "it has more than one @Version property.", "Keep one.");
        }
        long keys = pending.stream().filter(PendingProperty::primaryKey).count();
        if (keys > 1 && pending.stream().anyMatch(p -> p.primaryKey() && p.generation() != null)) {
            throw new MappingException(entityType, "a composite primary key cannot have a @GeneratedValue part.",
                    "Assign composite keys in Java, or use a single generated key.");
        }
        io.mapper.schema.Table table;
        try {
            TableElement[] elements = columns.toArray(TableElement[]::new);
            table = metadata.table(tableName, elements[0],
                    java.util.Arrays.copyOfRange(elements, 1, elements.length));
        } catch (ArgumentException e) {
            throw new MappingException(entityType, "its table '" + tableName + "' is invalid: " + e.getMessage(),
                    "Fix the @Table/@Column names.");
        }
        List<PropertyMapping> properties = new ArrayList<>(pending.size());
        for (int slot = 0; slot < pending.size(); slot++) {
            PendingProperty property = pending.get(slot);
            properties.add(new PropertyMapping(property.path(), table.column(property.column()), slot,
                    property.primaryKey(), property.version(), property.generation()));
        }
        return new Mapper<>(entityType, entityName, table, properties, embeddeds, access, instantiator);
    }

    private static List<Field> mappedFields(Class<?> entityType) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> current = entityType; current != null && current != Object.class;
                current = current.getSuperclass()) {
            hierarchy.add(0, current);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> level : hierarchy) {
            for (Field field : level.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private static boolean isRelationship(Field field) {
        return field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToMany.class)
                || field.isAnnotationPresent(OneToOne.class) || field.isAnnotationPresent(ManyToMany.class);
    }

    private void mapColumn(Field field) {
        Column annotation = field.getAnnotation(Column.class);
        boolean id = field.isAnnotationPresent(Id.class);
        boolean version = field.isAnnotationPresent(Version.class);
        GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
        String columnName = annotation == null || annotation.name().isEmpty() ? Naming.snakeCase(field.getName())
                : annotation.name();
        SqlType<?> sqlType = sqlType(field.getName(), field.getType(), annotation);
        if (version && !(isIntegral(field.getType()))) {
            throw new MappingException(type, field.getName(), "a @Version property must be an int or a long, not "
                    + field.getType().getSimpleName() + ".", "Change its type to long.");
        }
        GenerationStrategy strategy = generated == null ? null : generated.strategy();
        if (generated != null && !id) {
            throw new MappingException(type, field.getName(), "@GeneratedValue is only for @Id properties.",
                    "Add @Id, or remove @GeneratedValue.");
        }
        if (strategy == GenerationStrategy.UUID && field.getType() != java.util.UUID.class
                && field.getType() != String.class) {
            throw new MappingException(type, field.getName(), "a UUID-generated key must be a UUID or a String, not "
                    + field.getType().getSimpleName() + ".", "Change its type to java.util.UUID.");
        }
        if ((strategy == GenerationStrategy.IDENTITY || strategy == GenerationStrategy.SEQUENCE)
                && !isIntegral(field.getType())) {
            throw new MappingException(type, field.getName(), "a database-generated key must be an integer type, "
                    + "not " + field.getType().getSimpleName() + ".",
                    "Use Long, or @GeneratedValue(strategy = GenerationStrategy.UUID) for UUIDs.");
        }
        io.mapper.schema.Column<?> column = io.mapper.schema.Column.of(columnName, sqlType);
        if (id) {
            column = column.primaryKey();
        }
        if (strategy == GenerationStrategy.IDENTITY || strategy == GenerationStrategy.SEQUENCE) {
            column = column.autoincrement();
        }
        boolean nullable = !id && !version && !field.getType().isPrimitive()
                && (annotation == null || annotation.nullable());
        column = column.nullable(nullable);
        column = applyColumnOptions(column, annotation);
        columns.add(column);
        access.add(PropertyAccessor.of(field));
        pending.add(new PendingProperty(field.getName(), columnName, id, version, strategy));
    }

    private void mapEmbedded(Field field) {
        EmbeddedMapping embedded = EmbeddedMapping.of(type, field);
        Embedded annotation = field.getAnnotation(Embedded.class);
        String prefix = annotation.prefix().isEmpty() ? Naming.snakeCase(field.getName()) + "_" : annotation.prefix();
        int index = embeddeds.size();
        embeddeds.add(embedded);
        List<EmbeddedMapping.Component> components = embedded.components();
        for (int i = 0; i < components.size(); i++) {
            EmbeddedMapping.Component component = components.get(i);
            Column annotationOfComponent = component.column();
            String columnName = prefix + (annotationOfComponent == null || annotationOfComponent.name().isEmpty()
                    ? Naming.snakeCase(component.name()) : annotationOfComponent.name());
            SqlType<?> sqlType = sqlType(field.getName() + "." + component.name(), component.type(),
                    annotationOfComponent);
            io.mapper.schema.Column<?> column = io.mapper.schema.Column.of(columnName, sqlType)
                    .nullable(!component.type().isPrimitive()
                            && (annotationOfComponent == null || annotationOfComponent.nullable()));
            column = applyColumnOptions(column, annotationOfComponent);
            columns.add(column);
            access.add(new int[] {index, i});
            pending.add(new PendingProperty(field.getName() + "." + component.name(), columnName, false, false,
                    null));
        }
    }

    private static io.mapper.schema.Column<?> applyColumnOptions(io.mapper.schema.Column<?> column,
            @Nullable Column annotation) {
        if (annotation == null) {
            return column;
        }
        io.mapper.schema.Column<?> result = column;
        if (annotation.unique()) {
            result = result.unique();
        }
        if (annotation.index()) {
            result = result.index();
        }
        if (!annotation.serverDefault().isEmpty()) {
            result = result.serverDefault(annotation.serverDefault());
        }
        if (!annotation.comment().isEmpty()) {
            result = result.comment(annotation.comment());
        }
        if (!annotation.references().isEmpty()) {
            result = result.references(annotation.references());
        }
        return result;
    }

    private SqlType<?> sqlType(String property, Class<?> javaType, @Nullable Column annotation) {
        SqlType<?> sqlType = TypeMapping.forJavaType(javaType, annotation);
        if (sqlType == null) {
            throw new MappingException(type, property, "mapper has no SQL type for " + javaType.getName() + ".",
                    "Use a supported type (numbers, String, BigDecimal, java.time, UUID, byte[], enums), an "
                    + "@Embedded value object, or mark the field @Transient.");
        }
        return sqlType;
    }

    private static boolean isIntegral(Class<?> javaType) {
        Class<?> boxed = io.mapper.types.Conversions.boxed(javaType);
        return boxed == Long.class || boxed == Integer.class || boxed == Short.class;
    }
}
