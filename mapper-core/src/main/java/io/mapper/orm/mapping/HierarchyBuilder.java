package io.mapper.orm.mapping;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.DiscriminatorColumn;
import io.mapper.orm.annotation.DiscriminatorType;
import io.mapper.orm.annotation.DiscriminatorValue;
import io.mapper.orm.annotation.GenerationStrategy;
import io.mapper.orm.annotation.Inheritance;
import io.mapper.orm.annotation.InheritanceType;
import io.mapper.orm.annotation.Table;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.types.Types;

/**
 * Maps one inheritance hierarchy: checks its annotations (strategy, discriminator column and values), reads every
 * class with a {@link MapperBuilder}, lays out the tables the strategy calls for (one shared table; the base table and
 * one per subclass keyed by the base's key; one complete table per class) and links the mappers.
 */
final class HierarchyBuilder {

    private final Class<?> root;
    private final List<Class<?>> members;
    private final InheritanceType strategy;

    private HierarchyBuilder(List<Class<?>> members) {
        this.root = members.get(0);
        this.members = members;
        Inheritance inheritance = root.getAnnotation(Inheritance.class);
        this.strategy = inheritance == null ? InheritanceType.SINGLE_TABLE : inheritance.strategy();
    }

    /** The nearest superclass of {@code type} annotated {@code @Entity}, or null. */
    static @Nullable Class<?> parentEntity(Class<?> type) {
        for (Class<?> current = type.getSuperclass(); current != null && current != Object.class;
                current = current.getSuperclass()) {
            if (current.isAnnotationPresent(io.mapper.orm.annotation.Entity.class)) {
                return current;
            }
        }
        return null;
    }

    /** The table name, key column and key type of each member, as relationships to it see them. */
    static void infos(List<Class<?>> members, Map<Class<?>, MapperBuilder.EntityInfo> infos,
            io.mapper.orm.convention.NamingStrategy naming) {
        HierarchyBuilder builder = new HierarchyBuilder(members);
        MapperBuilder.EntityInfo base = infos.get(builder.root);
        for (Class<?> member : members) {
            if (builder.strategy == InheritanceType.SINGLE_TABLE) {
                infos.put(member, base);
            } else {
                MapperBuilder.EntityInfo own = MapperBuilder.info(member, naming);
                infos.put(member, new MapperBuilder.EntityInfo(own.tableName(), own.schema(), base.keys()));
            }
        }
    }

    /** Maps the hierarchy of {@code members} (the base class first, every class after its superclass). */
    static void build(List<Class<?>> members, MetaData metadata, Map<Class<?>, MapperBuilder.EntityInfo> infos,
            Map<Class<?>, Mapper<?>> mappers, MappingOptions options) {
        new HierarchyBuilder(members).build(metadata, infos, mappers, options);
    }

    private void build(MetaData metadata, Map<Class<?>, MapperBuilder.EntityInfo> infos,
            Map<Class<?>, Mapper<?>> mappers, MappingOptions options) {
        checkAnnotations();
        Column<?> discriminator = discriminatorColumn();
        Hierarchy hierarchy = new Hierarchy(root, strategy, discriminator, values(discriminator),
                new LinkedHashSet<>(members));
        Map<Class<?>, MapperBuilder> builders = new LinkedHashMap<>();
        for (Class<?> member : members) {
            builders.put(member, MapperBuilder.collecting(member, infos, hierarchy, options));
        }
        Map<Class<?>, io.mapper.schema.Table> tables = tables(metadata, builders, discriminator);
        Map<Class<?>, Mapper<?>> built = new LinkedHashMap<>();
        for (Class<?> member : members) {
            Mapper<?> mapper = builders.get(member).finish(member, tables);
            built.put(member, mapper);
            Mapper<?> parent = member == root ? null : built.get(parentEntity(member));
            PropertyMapping discriminatorProperty = discriminator == null ? null
                    : mapper.property(discriminator.name());
            mapper.inheritance(new InheritanceMapping(strategy, member == root ? mapper : built.get(root), parent,
                    hierarchy.values().get(member), discriminatorProperty));
            if (parent != null) {
                parent.inheritance().addChild(mapper);
            }
        }
        for (Mapper<?> mapper : built.values()) {
            mapper.inheritance().load(PolymorphicLoad.of(mapper));
        }
        mappers.putAll(built);
    }

    private void checkAnnotations() {
        for (Class<?> member : members) {
            if (member == root) {
                continue;
            }
            if (member.isAnnotationPresent(Inheritance.class)) {
                throw new MappingException(member, "only the base class of a hierarchy declares @Inheritance, and "
                        + root.getSimpleName() + " is its base.", "Remove @Inheritance from " + member.getSimpleName()
                        + "; a hierarchy has one strategy.");
            }
            if (member.isAnnotationPresent(DiscriminatorColumn.class)) {
                throw new MappingException(member, "only the base class declares @DiscriminatorColumn.",
                        "Move it to " + root.getSimpleName() + ".");
            }
            if (strategy == InheritanceType.SINGLE_TABLE && member.isAnnotationPresent(Table.class)) {
                throw new MappingException(member, "it is a single-table subclass of " + root.getSimpleName()
                        + ", so its rows are in " + root.getSimpleName() + "'s table; @Table would name another.",
                        "Remove @Table, or use @Inheritance(strategy = JOINED) on " + root.getSimpleName()
                        + " for a table per class.");
            }
        }
        if (strategy == InheritanceType.TABLE_PER_CLASS) {
            if (root.isAnnotationPresent(DiscriminatorColumn.class)) {
                throw new MappingException(root, "a TABLE_PER_CLASS hierarchy has no discriminator column: each "
                        + "table holds one class, and polymorphic queries select the class as a literal.",
                        "Remove @DiscriminatorColumn.");
            }
            for (Class<?> member : members) {
                if (Modifier.isAbstract(member.getModifiers())) {
                    throw new MappingException(member, "an abstract class of a TABLE_PER_CLASS hierarchy would have "
                            + "no table, and mapper maps every class of such a hierarchy to a table of its own.",
                            "Make " + member.getSimpleName() + " concrete, or use SINGLE_TABLE or JOINED.");
                }
            }
        }
    }

    private @Nullable Column<?> discriminatorColumn() {
        if (strategy == InheritanceType.TABLE_PER_CLASS) {
            return null;
        }
        DiscriminatorColumn annotation = root.getAnnotation(DiscriminatorColumn.class);
        String name = annotation == null ? "dtype" : annotation.name();
        if (annotation != null && annotation.type() == DiscriminatorType.INTEGER) {
            return Column.of(name, Types.INTEGER).nullable(false);
        }
        return Column.of(name, Types.string(annotation == null ? 31 : annotation.length())).nullable(false);
    }

    /** Each class's discriminator value, parsed for the column's type; missing, malformed and repeated ones raise. */
    private Map<Class<?>, Object> values(@Nullable Column<?> discriminator) {
        DiscriminatorColumn annotation = root.getAnnotation(DiscriminatorColumn.class);
        Class<?> enumType = annotation == null ? Void.class : annotation.enumType();
        boolean integer = discriminator != null && discriminator.type().javaType() == Integer.class;
        Map<Class<?>, Object> values = new LinkedHashMap<>();
        Map<Object, Class<?>> owners = new HashMap<>();
        for (Class<?> member : members) {
            DiscriminatorValue value = member.getAnnotation(DiscriminatorValue.class);
            Object parsed;
            if (value == null) {
                if (Modifier.isAbstract(member.getModifiers())) {
                    continue;
                }
                if (strategy != InheritanceType.TABLE_PER_CLASS) {
                    throw new MappingException(member, "it is a class of the " + strategy + " hierarchy of "
                            + root.getSimpleName() + " without a @DiscriminatorValue, so its rows could not be told "
                            + "apart.", "Annotate it with @DiscriminatorValue(\"" + member.getSimpleName()
                            .toLowerCase(java.util.Locale.ROOT) + "\") (unique within the hierarchy).");
                }
                parsed = member.getSimpleName();
            } else {
                parsed = parse(member, value.value(), integer, enumType);
            }
            Class<?> previous = owners.putIfAbsent(parsed, member);
            if (previous != null) {
                throw new MappingException(member, "its discriminator value '" + parsed + "' is also "
                        + previous.getSimpleName() + "'s.", "Give each class of the hierarchy its own "
                        + "@DiscriminatorValue.");
            }
            values.put(member, parsed);
        }
        return values;
    }

    private Object parse(Class<?> member, String value, boolean integer, Class<?> enumType) {
        if (enumType != Void.class) {
            if (!enumType.isEnum()) {
                throw new MappingException(root, "@DiscriminatorColumn(enumType = " + enumType.getSimpleName()
                        + ") is not an enum.", "Name an enum whose constants are the classes' values.");
            }
            for (Object constant : enumType.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(value)) {
                    return integer ? ((Enum<?>) constant).ordinal() : value;
                }
            }
            throw new MappingException(member, "@DiscriminatorValue(\"" + value + "\") is no constant of "
                    + enumType.getSimpleName() + ".", "Use one of " + java.util.Arrays.toString(
                    enumType.getEnumConstants()) + ".");
        }
        if (!integer) {
            return value;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new MappingException(member, "@DiscriminatorValue(\"" + value + "\") is not an integer, and the "
                    + "discriminator column of " + root.getSimpleName() + " is INTEGER.", "Write the value as a "
                    + "number, e.g. @DiscriminatorValue(\"2\").");
        }
    }

    /** The tables the strategy lays out, by the class (level) whose columns they hold. */
    private Map<Class<?>, io.mapper.schema.Table> tables(MetaData metadata, Map<Class<?>, MapperBuilder> builders,
            @Nullable Column<?> discriminator) {
        Map<Class<?>, io.mapper.schema.Table> tables = new LinkedHashMap<>();
        MapperBuilder base = builders.get(root);
        switch (strategy) {
            case SINGLE_TABLE -> {
                List<Column<?>> columns = new ArrayList<>(base.columnsAt(root));
                Map<String, Class<?>> declaredBy = new HashMap<>();
                columns.forEach(column -> declaredBy.put(column.name(), root));
                for (Class<?> member : members) {
                    if (member == root) {
                        continue;
                    }
                    for (Column<?> column : builders.get(member).columnsAt(member)) {
                        Class<?> previous = declaredBy.putIfAbsent(column.name(), member);
                        if (previous == null) {
                            columns.add(column);
                            continue;
                        }
                        if (discriminator != null && column.name().equals(discriminator.name())) {
                            throw new MappingException(member, "its column '" + column.name() + "' conflicts with "
                                    + "the discriminator column '" + column.name() + "' of " + root.getSimpleName()
                                    + ", which mapper writes from @DiscriminatorValue.", "Remove the field (the "
                                    + "class is the value), or rename the column with @Column(name = ...).");
                        }
                        Column<?> existing = columns.stream().filter(c -> c.name().equals(column.name()))
                                .findFirst().orElseThrow();
                        if (previous == root || !existing.type().equals(column.type())) {
                            throw new MappingException(member, "its column '" + column.name() + "' conflicts with "
                                    + previous.getSimpleName() + "'s column of that name in the shared table "
                                    + builders.get(root).tableNameOf(root) + ".", "Name one of them otherwise with "
                                    + "@Column(name = ...); two subclasses may share a column only with the same "
                                    + "type.");
                        }
                    }
                }
                io.mapper.schema.Table table = base.createTable(metadata, root, columns);
                members.forEach(member -> tables.put(member, table));
            }
            case JOINED -> {
                tables.put(root, base.createTable(metadata, root, base.columnsAt(root)));
                for (Class<?> member : members) {
                    if (member == root) {
                        continue;
                    }
                    io.mapper.schema.Table parent = tables.get(parentEntity(member));
                    List<Column<?>> columns = new ArrayList<>();
                    for (Column<?> key : base.columnsAt(root).stream().filter(Column::isPrimaryKey).toList()) {
                        // The subclass row's key is the base row's: a foreign key to the superclass's table.
                        columns.add(Column.of(key.name(), key.type()).primaryKey()
                                .references(parent.name() + "." + key.name()));
                    }
                    columns.addAll(builders.get(member).columnsAt(member));
                    tables.put(member, builders.get(member).createTable(metadata, member, columns));
                }
            }
            case TABLE_PER_CLASS -> {
                for (Class<?> member : members) {
                    MapperBuilder builder = builders.get(member);
                    checkConcreteKey(member, builder);
                    tables.put(member, builder.createTable(metadata, member,
                            builder.allColumns()));
                }
            }
        }
        return tables;
    }

    /** A database-generated key would be counted per table, and the hierarchy's identities would collide. */
    private void checkConcreteKey(Class<?> member, MapperBuilder builder) {
        for (Column<?> column : builder.allColumns()) {
            if (column.isPrimaryKey() && column.isAutoincrement()) {
                throw new MappingException(member, "its key is generated by the database, and in a TABLE_PER_CLASS "
                        + "hierarchy each table would count its own keys, so a Dog and a Cat could share an id "
                        + "(objects of a hierarchy share one identity map).", "Use @GeneratedValue(strategy = "
                        + "GenerationStrategy." + GenerationStrategy.UUID + ") or assign the keys; or use JOINED or "
                        + "SINGLE_TABLE.");
            }
        }
    }
}
