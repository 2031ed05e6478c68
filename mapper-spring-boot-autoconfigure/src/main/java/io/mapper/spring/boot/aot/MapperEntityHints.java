package io.mapper.spring.boot.aot;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.util.ClassUtils;

import io.mapper.orm.annotation.Embeddable;
import io.mapper.orm.annotation.Embedded;

/**
 * The reflection an entity needs at run time: mapper reads its annotations and builds method handles on its
 * constructors, fields, accessors and lifecycle methods at start-up; the same for its superclasses, its
 * {@code @Embedded} values (records or classes), the enums it stores, and its generated metamodel ({@code Entity_}).
 */
public final class MapperEntityHints {

    private static final MemberCategory[] MAPPED = {MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
        MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS};

    private final RuntimeHints hints;
    private final Set<Class<?>> registered = new HashSet<>();

    /** Hints collected into {@code hints}. */
    public MapperEntityHints(RuntimeHints hints) {
        this.hints = hints;
    }

    /** Registers an entity class with everything it maps; {@code classLoader} finds its metamodel. */
    public void registerEntity(Class<?> entity, ClassLoader classLoader) {
        registerMapped(entity);
        String metamodel = entity.getName() + "_";
        if (ClassUtils.isPresent(metamodel, classLoader)) {
            hints.reflection().registerType(ClassUtils.resolveClassName(metamodel, classLoader),
                    MemberCategory.ACCESS_DECLARED_FIELDS, MemberCategory.INVOKE_DECLARED_METHODS);
        }
    }

    private void registerMapped(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (!registered.add(current)) {
                return;
            }
            hints.reflection().registerType(current, MAPPED);
            for (Field field : current.getDeclaredFields()) {
                Class<?> fieldType = field.getType();
                if (field.isAnnotationPresent(Embedded.class) || fieldType.isAnnotationPresent(Embeddable.class)) {
                    registerMapped(fieldType);
                } else if (fieldType.isEnum() && registered.add(fieldType)) {
                    hints.reflection().registerType(fieldType, MemberCategory.INVOKE_PUBLIC_METHODS);
                }
            }
        }
    }
}
