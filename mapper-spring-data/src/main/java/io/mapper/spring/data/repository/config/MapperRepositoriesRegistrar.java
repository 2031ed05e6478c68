package io.mapper.spring.data.repository.config;

import java.lang.annotation.Annotation;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/** Registers the repositories {@link EnableMapperRepositories} asks for. */
final class MapperRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableMapperRepositories.class;
    }

    @Override
    protected RepositoryConfigurationExtension getExtension() {
        return new MapperRepositoryConfigExtension();
    }
}
