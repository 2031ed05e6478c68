package io.mapper.spring.data.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.mapper.spring.data.repository.config.EnableMapperRepositories;
import io.mapper.spring.data.repository.support.SimpleMapperRepository;

/**
 * How repositories are found and checked: the auto-configuration finds them in the application's packages (as Boot's
 * {@code DataJdbcRepositoriesAutoConfigurationTests} do), backs off for {@code @EnableMapperRepositories} and
 * {@code mapper.repositories.enabled=false}, and a derived query naming an unknown property stops start-up with a
 * message naming the method and the property.
 */
class RepositoryConfigurationIT extends RepositoryBackendTest {

    @Test
    void repositoriesInTheAutoConfigurationPackagesAreBeans() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DummyEntityRepository.class).hasSingleBean(AuditedEntityRepository.class);
        });
    }

    @Test
    void disabledByProperty() {
        runner.withPropertyValues("mapper.repositories.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DummyEntityRepository.class));
    }

    @Test
    void backsOffForEnableMapperRepositories() {
        runner.withUserConfiguration(ExplicitRepositories.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DummyEntityRepository.class);
            assertThat(context.getBeanNamesForType(DummyEntityRepository.class)).hasSize(1);
        });
    }

    @Test
    void crudMethodsRunInATransactionOfTheirOwn() {
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
            repository.save(new DummyEntity("Alice", "DE", 30));   // would raise outside a transaction otherwise
            assertThat(repository.countByCountry("DE")).isEqualTo(1);   // a query method opens a read-only one
            assertThat(SimpleMapperRepository.class.getAnnotation(
                    org.springframework.transaction.annotation.Transactional.class).readOnly()).isTrue();
        });
    }

    @Test
    void unknownPropertyInADerivedQueryStopsStartUp() {
        runner.withUserConfiguration(BrokenRepositoryConfiguration.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("BrokenRepository.findByNmae(String)")
                    .hasStackTraceContaining("'nmae'")
                    .hasStackTraceContaining("[idProp, name, country, age, flag, birthday]");
        });
    }

    @Test
    void transientPropertyInADerivedQueryStopsStartUp() {
        runner.withUserConfiguration(TransientRepositoryConfiguration.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("TransientRepository.findByScratch(String)")
                    .hasStackTraceContaining("'scratch', which is not a mapped property of DummyEntity");
        });
    }

    @Test
    void unknownSortPropertyInAMethodNameStopsStartUp() {
        runner.withUserConfiguration(BrokenOrderConfiguration.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("BrokenOrderRepository.findByNameOrderByScratch(String)")
                    .hasStackTraceContaining("'scratch'");
        });
    }

    @Test
    void queryParameterWithoutArgumentStopsStartUp() {
        runner.withUserConfiguration(BrokenQueryConfiguration.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("BrokenQueryRepository.byCountry(String)")
                    .hasStackTraceContaining(":land");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMapperRepositories(basePackageClasses = DummyEntityRepository.class)
    static class ExplicitRepositories {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMapperRepositories(basePackageClasses = BrokenRepository.class, considerNestedRepositories = true,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                    type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE, classes = BrokenRepository.class))
    static class BrokenRepositoryConfiguration {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMapperRepositories(basePackageClasses = TransientRepository.class, considerNestedRepositories = true,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                    type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE, classes = TransientRepository.class))
    static class TransientRepositoryConfiguration {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMapperRepositories(basePackageClasses = BrokenOrderRepository.class, considerNestedRepositories = true,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                    type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE, classes = BrokenOrderRepository.class))
    static class BrokenOrderConfiguration {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMapperRepositories(basePackageClasses = BrokenQueryRepository.class, considerNestedRepositories = true,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                    type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE, classes = BrokenQueryRepository.class))
    static class BrokenQueryConfiguration {
    }

    interface BrokenRepository extends MapperRepository<DummyEntity, Long> {
        java.util.List<DummyEntity> findByNmae(String name);
    }

    interface TransientRepository extends MapperRepository<DummyEntity, Long> {
        java.util.List<DummyEntity> findByScratch(String scratch);
    }

    interface BrokenOrderRepository extends MapperRepository<DummyEntity, Long> {
        java.util.List<DummyEntity> findByNameOrderByScratch(String name);
    }

    interface BrokenQueryRepository extends MapperRepository<DummyEntity, Long> {
        @Query("SELECT id_prop FROM sd_dummy WHERE country = :land")
        java.util.List<DummyEntity> byCountry(String country);
    }
}
