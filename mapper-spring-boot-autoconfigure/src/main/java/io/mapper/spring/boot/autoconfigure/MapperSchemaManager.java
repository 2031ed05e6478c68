package io.mapper.spring.boot.autoconfigure;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import io.mapper.engine.Engine;
import io.mapper.engine.reflection.Inspector;
import io.mapper.orm.SessionFactory;
import io.mapper.spring.boot.SchemaComparison;
import io.mapper.spring.boot.SchemaValidationException;

/**
 * Applies {@code mapper.schema} to the session factory's tables: creates the missing ones at start-up
 * ({@code create}, {@code create-drop}), drops them at shutdown ({@code create-drop}), or compares them with the
 * database and fails start-up listing every difference ({@code validate}).
 */
final class MapperSchemaManager implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MapperSchemaManager.class);

    private final SessionFactory factory;
    private final MapperProperties.Schema schema;

    MapperSchemaManager(SessionFactory factory, MapperProperties.Schema schema) {
        this.factory = factory;
        this.schema = schema;
    }

    @Override
    public void afterPropertiesSet() {
        Engine engine = factory.engine();
        switch (schema) {
            case CREATE, CREATE_DROP -> factory.metadata().createAll(engine);
            case VALIDATE -> {
                List<String> differences = SchemaComparison.differences(factory.metadata(), Inspector.of(engine));
                if (!differences.isEmpty()) {
                    throw new SchemaValidationException(differences);
                }
            }
            case NONE -> {
            }
        }
    }

    @Override
    public void destroy() {
        if (schema == MapperProperties.Schema.CREATE_DROP) {
            try {
                factory.metadata().dropAll(factory.engine());
            } catch (RuntimeException e) {
                // Shutdown goes on: an in-memory database may be gone already.
                log.warn("mapper.schema=create-drop could not drop the mapped tables: {}", e.getMessage());
            }
        }
    }

    MapperProperties.Schema schema() {
        return schema;
    }
}
