package io.mapper.spring.data.repository.query;

import java.lang.reflect.Constructor;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.query.ReturnedType;

/**
 * Turns loaded entities into what a repository method returns: the entity itself, a proxy of a closed or open
 * interface projection over it (Spring Data's {@link ProjectionFactory}), or a DTO (a record or a class with one
 * constructor) built from the entity's properties of the same names. Thread-safe.
 */
public final class EntityProjector {

    private final ProjectionFactory projections;

    /** A projector creating interface projections through {@code projections}. */
    public EntityProjector(ProjectionFactory projections) {
        this.projections = Objects.requireNonNull(projections, "projections must not be null");
    }

    /** The projection factory interface projections are created with. */
    public ProjectionFactory projectionFactory() {
        return projections;
    }

    /** {@code entity} as {@code type} returns it. */
    public Object project(Object entity, ReturnedType type) {
        return project(entity, type.getReturnedType());
    }

    /** {@code entity} as {@code target}: itself when it is one, else an interface projection or a DTO. */
    public <R> R project(Object entity, Class<R> target) {
        if (target.isInstance(entity)) {
            return target.cast(entity);
        }
        if (target.isInterface()) {
            return projections.createProjection(target, entity);
        }
        return dto(entity, target);
    }

    private static <R> R dto(Object entity, Class<R> target) {
        Constructor<R> constructor = BeanUtils.getResolvableConstructor(target);
        String[] names = BeanUtils.getParameterNames(constructor);
        var accessor = PropertyAccessorFactory.forDirectFieldAccess(entity);
        @Nullable Object[] arguments = new Object[names.length];
        for (int index = 0; index < names.length; index++) {
            if (!accessor.isReadableProperty(names[index])) {
                throw new InvalidDataAccessApiUsageException("Cannot project " + entity.getClass().getSimpleName()
                        + " into " + target.getSimpleName() + ": its constructor parameter '" + names[index]
                        + "' matches no property of " + entity.getClass().getSimpleName()
                        + ". Name each parameter after a property of the entity.");
            }
            arguments[index] = accessor.getPropertyValue(names[index]);
        }
        return BeanUtils.instantiateClass(constructor, arguments);
    }
}
