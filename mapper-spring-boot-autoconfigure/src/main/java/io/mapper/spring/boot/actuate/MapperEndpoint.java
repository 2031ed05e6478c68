package io.mapper.spring.boot.actuate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.mapper.engine.CompiledCacheStats;
import io.mapper.engine.Engine;
import io.mapper.orm.OrmModel;
import io.mapper.orm.SessionFactory;

/**
 * The {@code mapper} Actuator endpoint ({@code /actuator/mapper}): the dialect, the compiled-statement cache's
 * statistics, and each mapped entity with its table and columns. Expose it with
 * {@code management.endpoints.web.exposure.include=mapper}.
 */
@Endpoint(id = "mapper")
public final class MapperEndpoint {

    private final Engine engine;
    private final @Nullable SessionFactory sessionFactory;

    /** An endpoint describing {@code engine} and, when the application has one, the session factory's entities. */
    public MapperEndpoint(Engine engine, @Nullable SessionFactory sessionFactory) {
        this.engine = engine;
        this.sessionFactory = sessionFactory;
    }

    /** What the endpoint answers. */
    @ReadOperation
    public MapperDescriptor mapper() {
        CompiledCacheStats stats = engine.compiledCacheStats();
        List<EntityDescriptor> entities = new ArrayList<>();
        if (sessionFactory != null) {
            for (OrmModel.Entity entity : sessionFactory.model().entities()) {
                entities.add(describe(entity));
            }
            entities.sort(Comparator.comparing(EntityDescriptor::name));
        }
        return new MapperDescriptor(engine.dialect().name(),
                new CacheDescriptor(stats.hits(), stats.misses(), stats.size(), stats.maximumSize()), entities);
    }

    private static EntityDescriptor describe(OrmModel.Entity entity) {
        List<ColumnDescriptor> columns = new ArrayList<>();
        for (OrmModel.Property property : entity.properties()) {
            columns.add(new ColumnDescriptor(property.name(), property.column(), property.sqlType().name(),
                    property.primaryKey(), property.nullable()));
        }
        List<RelationshipDescriptor> relationships = new ArrayList<>();
        for (OrmModel.Relationship relationship : entity.relationships()) {
            String mappedBy = relationship.mappedBy();
            relationships.add(new RelationshipDescriptor(relationship.name(), relationship.kind().name(),
                    relationship.target(), relationship.fetch().name(), mappedBy == null ? "" : mappedBy));
        }
        return new EntityDescriptor(entity.name(), entity.javaType().getName(), entity.table(), columns,
                relationships);
    }

    /** The endpoint's answer. */
    public record MapperDescriptor(String dialect, CacheDescriptor compiledCache, List<EntityDescriptor> entities) {
    }

    /** Compiled-statement cache statistics: hits, misses, current and maximum size. */
    public record CacheDescriptor(long hits, long misses, int size, int maximumSize) {
    }

    /** One mapped entity: its name, class, table, columns and relationships. */
    public record EntityDescriptor(String name, String type, String table, List<ColumnDescriptor> columns,
            List<RelationshipDescriptor> relationships) {
    }

    /** One relationship: its property, kind, target entity, loading strategy and other side. */
    public record RelationshipDescriptor(String property, String kind, String target, String loading,
            String mappedBy) {
    }

    /** One mapped property and its column. */
    public record ColumnDescriptor(String property, String column, String type, boolean primaryKey,
            boolean nullable) {
    }
}
