package io.mapper.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.ClassUtils;

import io.mapper.exception.ArgumentException;

/**
 * The {@code @Entity} classes the auto-configured {@code SessionFactory} maps, found by scanning at start-up or, in an
 * application processed by Spring AOT, at build time (as Spring's {@code PersistenceManagedTypes} are for JPA): the
 * generated code then builds this bean from the class names it recorded, and nothing is scanned at run time.
 */
public final class MapperManagedTypes {

    private final List<String> entityClassNames;

    private MapperManagedTypes(List<String> entityClassNames) {
        this.entityClassNames = List.copyOf(entityClassNames);
    }

    /** Managed types for these fully qualified {@code @Entity} class names. */
    public static MapperManagedTypes of(List<String> entityClassNames) {
        return new MapperManagedTypes(entityClassNames);
    }

    /** The fully qualified names of the entity classes, in scanning order. */
    public List<String> entityClassNames() {
        return entityClassNames;
    }

    /** The entity classes, loaded with {@code classLoader}. */
    public List<Class<?>> entityClasses(ClassLoader classLoader) {
        List<Class<?>> classes = new ArrayList<>(entityClassNames.size());
        for (String name : entityClassNames) {
            try {
                classes.add(ClassUtils.forName(name, classLoader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ArgumentException("The @Entity class " + name + " was found by scanning but cannot be "
                        + "loaded: " + e.getMessage(), e);
            }
        }
        return classes;
    }
}
