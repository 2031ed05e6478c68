package io.mapper.orm.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        for (Class<?> type : infos.keySet()) {
            mappers.put(type, MapperBuilder.build(type, metadata, infos, options));
        }
        RelationshipResolver.resolve(metadata, mappers);
        metadata.validate();
        return new MapperRegistry(metadata, mappers);
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
