package io.mapper.orm.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.annotation.Entity;
import io.mapper.schema.MetaData;

/**
 * Every mapped class of a session factory and the {@link MetaData} holding their tables, so
 * {@code registry.metadata().createAll(engine)} creates the entities' tables. Built once; thread-safe afterwards.
 */
public final class MapperRegistry {

    private final MetaData metadata;
    private final Map<Class<?>, Mapper<?>> mappers;

    private MapperRegistry(MetaData metadata, Map<Class<?>, Mapper<?>> mappers) {
        this.metadata = metadata;
        this.mappers = Collections.unmodifiableMap(mappers);
    }

    /** Maps these classes (each annotated {@link Entity}) into tables of {@code metadata}. */
    public static MapperRegistry of(MetaData metadata, Collection<Class<?>> entityClasses) {
        return of(metadata, entityClasses, MappingOptions.DEFAULTS);
    }

    /** Maps these classes with the factory's converters and JSON library. */
    public static MapperRegistry of(MetaData metadata, Collection<Class<?>> entityClasses, MappingOptions options) {
        Map<Class<?>, Mapper<?>> mappers = new LinkedHashMap<>();
        Map<Class<?>, MapperBuilder.EntityInfo> infos = new LinkedHashMap<>();
        for (Class<?> type : new LinkedHashSet<>(entityClasses)) {
            if (!type.isAnnotationPresent(Entity.class)) {
                throw new MappingException(type, "it is not annotated @Entity.",
                        "Annotate it with @io.mapper.orm.annotation.Entity, or leave it out of the mapped classes.");
            }
            infos.put(type, MapperBuilder.info(type, options.naming()));
        }
        Map<Class<?>, List<Class<?>>> hierarchies = hierarchies(infos.keySet());
        for (List<Class<?>> members : hierarchies.values()) {
            HierarchyBuilder.infos(members, infos, options.naming());
        }
        Map<Class<?>, List<CollectionColumns.Contributed>> collectionColumns =
                CollectionColumns.scan(infos.keySet(), infos, options);
        Set<Class<?>> inHierarchies = new HashSet<>();
        hierarchies.values().forEach(inHierarchies::addAll);
        for (Class<?> type : new ArrayList<>(infos.keySet())) {
            List<Class<?>> members = hierarchies.get(type);
            if (members != null) {
                for (Class<?> member : members) {
                    List<CollectionColumns.Contributed> columns = collectionColumns.get(member);
                    if (columns != null) {
                        CollectionColumns.Contributed first = columns.get(0);
                        throw new MappingException(first.ownerType(), first.relationship(), "its column '"
                                + first.column().name() + "' would go into the table of " + member.getSimpleName()
                                + ", which is part of an inheritance hierarchy; mapper does not put collection "
                                + "columns into a hierarchy's tables yet.", "Map the relationship from the child's "
                                + "side (@ManyToOne on it, mappedBy here) and order it with orderBy.");
                    }
                }
                HierarchyBuilder.build(members, metadata, infos, mappers, options);
            } else if (!inHierarchies.contains(type) && !mappers.containsKey(type)) {
                // A subclass listed (or scanned) before its base is built with the base's hierarchy, not alone.
                mappers.put(type, MapperBuilder.build(type, metadata, infos, options,
                        collectionColumns.getOrDefault(type, List.of())));
            }
        }
        RelationshipResolver.resolve(metadata, mappers, options.naming());
        ElementCollectionBuilder.resolve(metadata, mappers);
        metadata.validate();
        return new MapperRegistry(metadata, mappers);
    }

    /**
     * The inheritance hierarchies among the classes, by base class: the base first, each class after its mapped
     * superclass. A class whose {@code @Entity} superclass is not among them raises.
     */
    private static Map<Class<?>, List<Class<?>>> hierarchies(Collection<Class<?>> types) {
        Map<Class<?>, List<Class<?>>> hierarchies = new LinkedHashMap<>();
        List<Class<?>> sorted = new ArrayList<>(types);
        sorted.sort(java.util.Comparator.comparingInt(MapperRegistry::depth));
        for (Class<?> type : sorted) {
            Class<?> parent = HierarchyBuilder.parentEntity(type);
            if (parent == null) {
                if (type.isAnnotationPresent(io.mapper.orm.annotation.Inheritance.class)) {
                    hierarchies.put(type, new ArrayList<>(List.of(type)));
                }
                continue;
            }
            if (!types.contains(parent)) {
                throw new MappingException(type, "its superclass " + parent.getName() + " is an @Entity that is not "
                        + "mapped in this session factory, so " + type.getSimpleName() + "'s hierarchy is incomplete.",
                        "Map " + parent.getSimpleName() + " too (scan its package or list it in entities(...)).");
            }
            Class<?> root = parent;
            while (HierarchyBuilder.parentEntity(root) != null) {
                root = HierarchyBuilder.parentEntity(root);
            }
            hierarchies.computeIfAbsent(root, unused -> new ArrayList<>(List.of(unused))).add(type);
        }
        return hierarchies;
    }

    private static int depth(Class<?> type) {
        int depth = 0;
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            depth++;
        }
        return depth;
    }

    /** Maps every {@link Entity} class found in these packages (and their sub-packages). */
    public static MapperRegistry scan(MetaData metadata, ClassLoader classLoader, String... packages) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : packages) {
            classes.addAll(EntityScanner.scan(classLoader, name));
        }
        return of(metadata, classes);
    }

    /** The {@code @Entity} classes of a package and its sub-packages, sorted by name. */
    public static List<Class<?>> scanClasses(ClassLoader classLoader, String packageName) {
        return EntityScanner.scan(classLoader, packageName);
    }

    /** The metadata holding the mapped tables. */
    public MetaData metadata() {
        return metadata;
    }

    /** The mapper of a mapped class; an unmapped class raises, naming how to map it. */
    @SuppressWarnings("unchecked")
    public <E> Mapper<E> mapper(Class<E> type) {
        Mapper<?> mapper = mappers.get(type);
        if (mapper == null) {
            throw new ArgumentException(type.getName() + " is not a mapped entity of this session factory. Annotate "
                    + "it with @Entity and include it with SessionFactory.builder(engine).scan(\""
                    + type.getPackageName() + "\") or .entities(" + type.getSimpleName() + ".class). Mapped: "
                    + mappers.keySet().stream().map(Class::getSimpleName).toList() + ".");
        }
        return (Mapper<E>) mapper;
    }

    /** The mapper of a class, if it is mapped. */
    public Optional<Mapper<?>> find(Class<?> type) {
        return Optional.ofNullable(mappers.get(type));
    }

    /** All mappers, in the order the classes were given. */
    public Collection<Mapper<?>> mappers() {
        return mappers.values();
    }
}
