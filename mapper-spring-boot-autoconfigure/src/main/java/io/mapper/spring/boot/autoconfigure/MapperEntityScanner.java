package io.mapper.spring.boot.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import io.mapper.orm.annotation.Entity;

/**
 * Finds the {@code @Entity} classes of an application: in {@code mapper.orm.packages-to-scan}, or else in the
 * application's auto-configuration packages (those of its {@code @SpringBootApplication} class), as Spring Boot does
 * for JPA entities. Spring's classpath scanning reads class files without loading them and works in executable jars.
 */
final class MapperEntityScanner {

    private final Environment environment;
    private final BeanFactory beanFactory;

    MapperEntityScanner(Environment environment, BeanFactory beanFactory) {
        this.environment = environment;
        this.beanFactory = beanFactory;
    }

    /** The packages to scan: the property's, else the auto-configuration packages, else none. */
    List<String> packages() {
        List<String> configured = Binder.get(environment)
                .bind("mapper.orm.packages-to-scan", org.springframework.boot.context.properties.bind.Bindable
                        .listOf(String.class))
                .orElse(List.of());
        if (!configured.isEmpty()) {
            return configured;
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }

    /** The names of the entity classes in {@link #packages()}, read from class files without loading them. */
    List<String> scanNames() {
        ClassPathScanningCandidateComponentProvider provider = new ClassPathScanningCandidateComponentProvider(false,
                environment) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                // Entities, not beans: an abstract @Entity (the base of a class hierarchy) is mapped too.
                return definition.getMetadata().isIndependent();
            }
        };
        provider.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        Set<String> names = new LinkedHashSet<>();
        for (String packageName : packages()) {
            provider.findCandidateComponents(packageName).forEach(candidate -> names.add(candidate.getBeanClassName()));
        }
        return List.copyOf(names);
    }
}
