package io.mapper.orm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mapper.orm.annotation.Metamodel;
import io.mapper.orm.convention.NamingStrategy;
import io.mapper.orm.mapping.Mapper;
import io.mapper.orm.mapping.MapperRegistry;
import io.mapper.orm.mapping.PropertyMapping;
import io.mapper.sql.TableClause;

/**
 * Compares the generated metamodels ({@code Album_}) of a session factory's entities with its mapping when the factory
 * is built, and warns once, on the logger {@code io.mapper.orm.metamodel}, when a metamodel was generated for another
 * naming strategy and names other tables or columns: statements built with its attributes would name them. A
 * metamodel generated for the factory's own strategy is trusted without loading its attributes (the processor applies
 * the runtime's rules); only a different one is initialised and compared name by name.
 */
final class MetamodelCheck {

    private static final Logger log = LoggerFactory.getLogger("io.mapper.orm.metamodel");
    /** The differences named per entity; more are counted. */
    private static final int SHOWN = 3;

    private MetamodelCheck() {
    }

    /** Warns when a metamodel of {@code registry}'s entities disagrees with its mapping under {@code naming}. */
    static void run(MapperRegistry registry, NamingStrategy naming) {
        if (!log.isWarnEnabled()) {
            return;
        }
        String factoryNaming = NamingStrategy.nameOf(naming);
        List<String> problems = new ArrayList<>();
        String example = null;
        for (Mapper<?> mapper : registry.mappers()) {
            Class<?> metamodel = metamodelOf(mapper.entityType());
            if (metamodel == null) {
                continue;
            }
            Metamodel marker = metamodel.getAnnotation(Metamodel.class);
            if (marker.naming().equals(factoryNaming)) {
                continue;
            }
            Mismatch mismatch = compare(mapper, metamodel);
            if (mismatch.differences().isEmpty()) {
                continue;
            }
            problems.add(metamodel.getSimpleName() + " (generated with " + marker.naming() + ") names "
                    + describe(mismatch.differences()));
            if (example == null) {
                example = mismatch.example();
            }
        }
        if (!problems.isEmpty()) {
            log.warn("The generated metamodel does not match this session factory's naming strategy ({}): {}. "
                    + "Statements built with these attributes would name the wrong tables and columns. Compile the "
                    + "entities with -Amapper.namingStrategy={} to match; or, for a second session factory with "
                    + "another strategy, take handles from that factory instead: {}.", factoryNaming,
                    String.join("; ", problems), factoryNaming,
                    example == null ? "sessions.attribute(Entity.class, \"property\", Type.class)" : example);
        }
    }

    /**
     * The generated metamodel class of {@code entity} ({@code com.example.Outer$Inner} has
     * {@code com.example.Outer_Inner_}) through the entity's class loader, or null when there is none or the class
     * of that name is not the processor's metamodel of {@code entity}. Not initialised.
     */
    private static @Nullable Class<?> metamodelOf(Class<?> entity) {
        ClassLoader loader = entity.getClassLoader();
        if (loader == null) {
            return null;
        }
        String packageName = entity.getPackageName();
        String binary = entity.getName();
        String local = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
        String name = (packageName.isEmpty() ? "" : packageName + ".") + local.replace('$', '_') + "_";
        try {
            Class<?> metamodel = Class.forName(name, false, loader);
            Metamodel marker = metamodel.getAnnotation(Metamodel.class);
            return marker != null && marker.entity() == entity ? metamodel : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The names of {@code metamodel} that differ from {@code mapper}'s, as {@code generated (mapped: ...)}. */
    private static Mismatch compare(Mapper<?> mapper, Class<?> metamodel) {
        List<String> differences = new ArrayList<>();
        String example = null;
        try {
            Class.forName(metamodel.getName(), true, metamodel.getClassLoader());
            for (Field field : metamodel.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isPublic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(null);
                if (field.getName().equals("TABLE") && value instanceof TableClause table
                        && !table.name().equals(mapper.table().name())) {
                    differences.add("table " + table.name() + " (mapped: " + mapper.table().name() + ")");
                } else if (value instanceof Attribute<?, ?> attribute) {
                    PropertyMapping property = mapped(mapper, attribute.property());
                    if (property == null) {
                        continue;
                    }
                    String generated = qualified(attribute.table(), attribute.name());
                    String mapped = qualified(property.column().table(), property.column().name());
                    if (!generated.equals(mapped)) {
                        differences.add(generated + " (mapped: " + mapped + ")");
                        if (example == null) {
                            example = "sessions.attribute(" + mapper.entityType().getSimpleName() + ".class, \""
                                    + property.path() + "\", "
                                    + attribute.type().javaType().getSimpleName() + ".class)";
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // Its attributes cannot be read (a converter or JSON library it needs is missing): the recorded strategy
            // is all there is to go by.
            differences.add("names of another strategy (its attributes could not be read: " + e + ")");
        }
        return new Mismatch(differences, example);
    }

    /**
     * The mapped property of an attribute's path; a foreign key's path names the target's key column
     * ({@code artist.ArtistId}), which is the strategy's, so it is found by its relationship ({@code artist.}).
     */
    private static @Nullable PropertyMapping mapped(Mapper<?> mapper, String path) {
        for (PropertyMapping property : mapper.properties()) {
            if (property.path().equals(path)) {
                return property;
            }
        }
        int dot = path.indexOf('.');
        String relationship = dot < 0 ? path : path.substring(0, dot);
        if (dot < 0 || mapper.relationships().stream().noneMatch(mapped -> mapped.name().equals(relationship))) {
            return null;
        }
        List<PropertyMapping> foreignKeys = mapper.properties().stream()
                .filter(property -> property.path().startsWith(relationship + ".")).toList();
        return foreignKeys.size() == 1 ? foreignKeys.get(0) : null;
    }

    private static String qualified(@Nullable TableClause table, String column) {
        return table == null ? column : table.name() + "." + column;
    }

    private static String describe(List<String> differences) {
        String shown = String.join(", ", differences.subList(0, Math.min(SHOWN, differences.size())));
        return differences.size() <= SHOWN ? shown : shown + " and " + (differences.size() - SHOWN) + " more";
    }

    /** What differs in one metamodel, and a {@code sessions.attribute(...)} call that would replace one attribute. */
    private record Mismatch(List<String> differences, @Nullable String example) {
    }
}
