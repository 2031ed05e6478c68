package io.mapper.spring.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

import io.mapper.engine.Engine;

/** Makes mapper's beans wait for database initializers (Flyway, Liquibase, SQL scripts), so migrations run first. */
public final class MapperDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(Engine.class);
    }
}
