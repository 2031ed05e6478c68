package io.mapper.spring.boot.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.mapper.engine.Engine;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.SessionListener;
import io.mapper.orm.convention.NamingStrategy;
import io.mapper.spring.boot.TransactionAwareSession;
import io.mapper.types.JsonCodec;
import io.mapper.types.TypeConverter;

/**
 * Auto-configures mapper's ORM over the {@link Engine} bean: a {@link SessionFactory} mapping the application's
 * {@code @Entity} classes ({@code mapper.orm.packages-to-scan}, else the auto-configuration packages), a shared
 * {@link TransactionAwareSession} bound to Spring transactions, and {@code mapper.schema} handling. {@link TypeConverter}
 * beans are registered on the factory (for their Java type, and as the instances {@code @Convert} names), and a
 * {@link JsonCodec} bean is the JSON library of {@code @Json} properties. Every bean backs off when the application
 * defines its own.
 */
@AutoConfiguration(after = MapperAutoConfiguration.class,
        afterName = "io.mapper.spring.boot.autoconfigure.MapperObservationAutoConfiguration")
@ConditionalOnClass(SessionFactory.class)
@ConditionalOnBean(Engine.class)
@EnableConfigurationProperties(MapperProperties.class)
public final class MapperOrmAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({MapperManagedTypes.class, SessionFactory.class})
    @Conditional(OnMappedEntitiesCondition.class)
    static MapperManagedTypes mapperManagedTypes(Environment environment, BeanFactory beanFactory) {
        return MapperManagedTypes.of(new MapperEntityScanner(environment, beanFactory).scanNames());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MapperManagedTypes.class)
    SessionFactory mapperSessionFactory(Engine engine, MapperManagedTypes managedTypes, MapperProperties properties,
            ObjectProvider<SessionListener> listeners, ObjectProvider<SessionFactoryCustomizer> customizers,
            ObjectProvider<TypeConverter<?, ?>> converters, ObjectProvider<JsonCodec> jsonCodec) {
        ClassLoader classLoader = classLoader();
        SessionFactory.Builder builder = SessionFactory.builder(engine)
                .entities(managedTypes.entityClasses(classLoader).toArray(Class<?>[]::new))
                .batchSize(properties.getOrm().getBatchSize())
                .autoflush(properties.getOrm().isAutoflush())
                .lazyLoadWarningThreshold(properties.getOrm().getLazyLoadWarningThreshold())
                .raiseOnLazyLoad(properties.getOrm().isRaiseOnLazyLoad())
                .namingStrategy(NamingStrategy.of(properties.getOrm().getNamingStrategy(), classLoader));
        listeners.orderedStream().forEach(builder::listener);
        // Converter beans apply to every property of their Java type, and are the instances @Convert(TheirClass.class)
        // uses, so a converter can have dependencies injected.
        converters.orderedStream().forEach(builder::converter);
        jsonCodec.ifAvailable(builder::jsonCodec);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnBean(SessionFactory.class)
    @ConditionalOnMissingBean
    MapperSchemaManager mapperSchemaManager(SessionFactory factory, MapperProperties properties) {
        return new MapperSchemaManager(factory, properties.getSchema());
    }

    @Bean
    @ConditionalOnBean(SessionFactory.class)
    @ConditionalOnMissingBean
    TransactionAwareSession mapperSession(SessionFactory factory, ObjectProvider<MapperSchemaManager> schema) {
        // Resolving the schema manager first means no bean gets the session before the tables exist (or are checked).
        schema.ifAvailable(manager -> {
        });
        return new TransactionAwareSession(factory);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MapperOrmAutoConfiguration.class.getClassLoader();
    }

    /** Matches when the scanned packages hold at least one {@code @Entity} class. */
    static final class OnMappedEntitiesCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            MapperEntityScanner scanner = new MapperEntityScanner(context.getEnvironment(),
                    context.getBeanFactory());
            if (scanner.packages().isEmpty()) {
                return ConditionOutcome.noMatch("no mapper.orm.packages-to-scan and no auto-configuration packages");
            }
            int found = scanner.scanNames().size();
            return found > 0 ? ConditionOutcome.match(found + " @Entity classes in " + scanner.packages())
                    : ConditionOutcome.noMatch("no @Entity classes in " + scanner.packages());
        }
    }
}
