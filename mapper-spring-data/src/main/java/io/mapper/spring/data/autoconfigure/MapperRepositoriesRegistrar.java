package io.mapper.spring.data.autoconfigure;

import java.lang.annotation.Annotation;

import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

import io.mapper.spring.data.repository.config.EnableMapperRepositories;
import io.mapper.spring.data.repository.config.MapperRepositoryConfigExtension;

/** Registers the repositories of the auto-configuration packages, as if {@code @EnableMapperRepositories} were there. */
final class MapperRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableMapperRepositories.class;
    }

    @Override
    protected Class<?> getConfiguration() {
        return EnableMapperRepositoriesConfiguration.class;
    }

    @Override
    protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
        return new MapperRepositoryConfigExtension();
    }

    @EnableMapperRepositories
    private static final class EnableMapperRepositoriesConfiguration {
    }
}
