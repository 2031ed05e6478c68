package io.mapper.orm.mapping;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.InheritanceType;
import io.mapper.schema.Column;

/**
 * What the builders of one inheritance hierarchy share while they read their classes: the base class, the
 * strategy, the discriminator column and each class's value, and which classes are mapped.
 *
 * @param root the base class (annotated {@code @Inheritance}, or the top mapped class)
 * @param strategy how the hierarchy is stored
 * @param discriminatorColumn the discriminator column of the base table; null for table-per-class
 * @param values each class's discriminator value (a String or an Integer); abstract classes may have none
 * @param members the mapped classes of the hierarchy
 */
record Hierarchy(Class<?> root, InheritanceType strategy, @Nullable Column<?> discriminatorColumn,
        Map<Class<?>, Object> values, Set<Class<?>> members) {

    /**
     * The mapped class whose table holds a field declared in {@code declaring}, for an object of {@code entityType}:
     * the highest mapped class between them (the base class for fields of the base and its unmapped superclasses);
     * for table-per-class the entity's own.
     */
    Class<?> levelOf(Class<?> declaring, Class<?> entityType) {
        if (strategy == InheritanceType.TABLE_PER_CLASS) {
            return entityType;
        }
        Class<?> level = entityType;
        for (Class<?> current = entityType; current != null && declaring.isAssignableFrom(current);
                current = current.getSuperclass()) {
            if (members.contains(current)) {
                level = current;
            }
        }
        return level;
    }

    /** The discriminator value of a class; a placeholder for an abstract class, whose rows cannot exist. */
    Object valueOf(Class<?> type) {
        Object value = values.get(type);
        return value != null ? value : "";
    }
}
