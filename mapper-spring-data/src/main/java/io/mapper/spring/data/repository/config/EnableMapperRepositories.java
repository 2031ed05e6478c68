package io.mapper.spring.data.repository.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;

import io.mapper.spring.data.repository.support.MapperRepositoryFactoryBean;

/**
 * Creates a mapper repository for each repository interface in the annotated class's package (or the packages
 * given), as {@code @EnableJdbcRepositories} does for Spring Data JDBC. Spring Boot applications do not need it: the
 * auto-configuration finds repositories in the application's packages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(MapperRepositoriesRegistrar.class)
public @interface EnableMapperRepositories {

    /** Alias for {@link #basePackages()}. */
    String[] value() default {};

    /** Packages scanned for repository interfaces; the annotated class's package when empty. */
    String[] basePackages() default {};

    /** Classes whose packages are scanned, a type-safe alternative to {@link #basePackages()}. */
    Class<?>[] basePackageClasses() default {};

    /** Which interfaces to include among those found. */
    Filter[] includeFilters() default {};

    /** Which interfaces to leave out. */
    Filter[] excludeFilters() default {};

    /** Suffix of custom fragment implementations ({@code CustomerRepositoryImpl}). */
    String repositoryImplementationPostfix() default "Impl";

    /** Location of named queries; mapper has none, kept for Spring Data's configuration contract. */
    String namedQueriesLocation() default "";

    /** How query methods find their query. */
    QueryLookupStrategy.Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

    /** The factory bean class creating each repository. */
    Class<?> repositoryFactoryBeanClass() default MapperRepositoryFactoryBean.class;

    /** The base class of repositories, {@code SimpleMapperRepository} by default. */
    Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

    /** Names the repository beans. */
    Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;

    /** Whether interfaces nested in other classes are repositories too. */
    boolean considerNestedRepositories() default false;

    /** Name of the {@code Session} bean repositories use; the single {@code Session} bean when empty. */
    String sessionRef() default "";

    /** Name of the {@code SessionFactory} bean; the single {@code SessionFactory} bean when empty. */
    String sessionFactoryRef() default "";

    /** Name of the transaction manager repository methods run with. */
    String transactionManagerRef() default "transactionManager";

    /** Whether CRUD methods run in transactions of their own when the caller has none. */
    boolean enableDefaultTransactions() default true;
}
