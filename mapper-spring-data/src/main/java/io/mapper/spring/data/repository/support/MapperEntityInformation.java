package io.mapper.spring.data.repository.support;

import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.core.support.AbstractEntityInformation;

import io.mapper.spring.data.repository.query.MapperEntityMetadata;

/**
 * Spring Data's view of a mapper entity: its class, the type and value of its primary key; an entity without a key
 * value is new.
 *
 * @param <T> the entity class
 * @param <ID> the type of its primary key
 */
public final class MapperEntityInformation<T, ID> extends AbstractEntityInformation<T, ID> {

    private final MapperEntityMetadata<T> entity;

    /** The information of {@code entity}. */
    public MapperEntityInformation(MapperEntityMetadata<T> entity) {
        super(entity.getJavaType());
        this.entity = entity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable ID getId(T object) {
        return (ID) entity.idOf(object);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<ID> getIdType() {
        return (Class<ID>) entity.idProperty().column().type().javaType();
    }
}
