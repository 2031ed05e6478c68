package io.mapper.spring.data.auditing;

import java.lang.annotation.Annotation;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.auditing.config.AuditingBeanDefinitionRegistrarSupport;
import org.springframework.data.auditing.config.AuditingConfiguration;
import org.springframework.data.mapping.context.PersistentEntities;

/**
 * Registers, for {@link EnableMapperAuditing}, Spring Data's {@code AuditingHandler} and the
 * {@link MapperAuditingListener} that applies it during flushes.
 */
public final class MapperAuditingRegistrar extends AuditingBeanDefinitionRegistrarSupport {

    static final String AUDITING_HANDLER = "mapperAuditingHandler";

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableMapperAuditing.class;
    }

    @Override
    protected String getAuditingHandlerBeanName() {
        return AUDITING_HANDLER;
    }

    @Override
    protected BeanDefinitionBuilder getAuditHandlerBeanDefinitionBuilder(AuditingConfiguration configuration) {
        // mapper has no Spring Data mapping context: with no persistent entities, the handler reads the auditing
        // annotations of each entity class itself (Spring Data's annotation-based metadata).
        BeanDefinitionBuilder builder = super.getAuditHandlerBeanDefinitionBuilder(configuration);
        // An inner bean from a factory method, not an instance: Spring AOT writes bean definitions as code.
        builder.addConstructorArgValue(BeanDefinitionBuilder
                .rootBeanDefinition(MapperAuditingRegistrar.class, "noPersistentEntities").getBeanDefinition());
        return builder;
    }

    /** The empty {@link PersistentEntities} the auditing handler is built with. */
    public static PersistentEntities noPersistentEntities() {
        return PersistentEntities.of();
    }

    @Override
    protected void registerAuditListenerBeanDefinition(BeanDefinition auditingHandlerDefinition,
            BeanDefinitionRegistry registry) {
        BeanDefinitionBuilder listener = BeanDefinitionBuilder.rootBeanDefinition(MapperAuditingListener.class)
                .addConstructorArgReference(AUDITING_HANDLER);
        registerInfrastructureBeanWithId(listener.getBeanDefinition(), MapperAuditingListener.class.getName(),
                registry);
    }
}
