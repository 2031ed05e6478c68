package io.mapper.spring.data.repository.config;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;
import org.springframework.data.repository.config.RepositoryConfigurationSource;
import org.springframework.util.StringUtils;

import io.mapper.orm.annotation.Entity;
import io.mapper.spring.data.repository.MapperRepository;
import io.mapper.spring.data.repository.support.MapperRepositoryFactoryBean;
import io.mapper.spring.data.repository.support.SimpleMapperRepository;

/**
 * Spring Data's configuration extension for mapper: names the factory bean and base class, claims repositories of
 * {@code @Entity} classes and of {@link MapperRepository} (in strict mode, next to other Spring Data modules), and
 * passes the {@code Session}, {@code SessionFactory} and transaction manager references to each factory bean.
 */
public class MapperRepositoryConfigExtension extends RepositoryConfigurationExtensionSupport {

    @Override
    public String getModuleName() {
        return "mapper";
    }

    @Override
    protected String getModulePrefix() {
        return getModuleName().toLowerCase(Locale.ROOT);
    }

    @Override
    public String getRepositoryBaseClassName() {
        return SimpleMapperRepository.class.getName();
    }

    @Override
    public String getRepositoryFactoryBeanClassName() {
        return MapperRepositoryFactoryBean.class.getName();
    }

    @Override
    protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
        return List.of(Entity.class);
    }

    @Override
    protected Collection<Class<?>> getIdentifyingTypes() {
        return List.of(MapperRepository.class);
    }

    @Override
    public void postProcess(BeanDefinitionBuilder builder, RepositoryConfigurationSource source) {
        source.getAttribute("sessionRef").filter(StringUtils::hasText)
                .ifPresent(name -> builder.addPropertyReference("session", name));
        source.getAttribute("sessionFactoryRef").filter(StringUtils::hasText)
                .ifPresent(name -> builder.addPropertyReference("sessionFactory", name));
        builder.addPropertyValue("transactionManager",
                source.getAttribute("transactionManagerRef").filter(StringUtils::hasText)
                        .orElse("transactionManager"));
        source.getAttribute("enableDefaultTransactions", Boolean.class)
                .ifPresent(enabled -> builder.addPropertyValue("enableDefaultTransactions", enabled));
    }
}
