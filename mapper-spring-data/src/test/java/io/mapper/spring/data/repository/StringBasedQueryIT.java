package io.mapper.spring.data.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * {@code @Query} methods with mapper text SQL and named parameters, on every backend. Mirrors the string-query
 * scenarios of Spring Data JDBC's {@code JdbcRepositoryIntegrationTests} (named per test).
 */
class StringBasedQueryIT extends RepositoryBackendTest {

    private void withSeed(Consumer<DummyEntityRepository> test) {
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            repository.saveAll(List.of(new DummyEntity("Alice", "DE", 30), new DummyEntity("Bob", "FR", 25),
                    new DummyEntity("Carol", "DE", 41)));
            statements.clear();
            test.accept(repository);
        });
    }

    @Test
    void queryReturningEntitiesKeepsTheSqlsOrder() {   // JdbcRepositoryIntegrationTests.findAllByQueryName
        withSeed(repository -> {
            assertThat(repository.byCountryOldestFirst("DE")).extracting(DummyEntity::getName)
                    .containsExactly("Carol", "Alice");
            assertThat(statements.sql().get(0)).contains("country = ?").doesNotContain("'DE'");
        });
    }

    @Test
    void namedParameterFromParamAnnotation() {   // ...executeQueryWithParameterRequiringConversion
        withSeed(repository -> {
            assertThat(repository.byName("Bob")).map(DummyEntity::getAge).contains(25);
            assertThat(repository.byName("Robert'); DROP TABLE sd_dummy; --")).isEmpty();
            assertThat(repository.count()).isEqualTo(3);
        });
    }

    @Test
    void stringQueryProjectionShouldReturnDtoProjectedEntities() {   // ...stringQueryProjectionShouldReturn(Dto)ProjectedEntities
        withSeed(repository -> {
            assertThat(repository.dtosByCountry("DE")).containsExactly(new DummyEntityRepository.NameAndAge("Alice", 30),
                    new DummyEntityRepository.NameAndAge("Carol", 41));
            assertThat(repository.interfacesOlderThan(26)).extracting(DummyEntityRepository.NameOnly::getName)
                    .containsExactly("Alice", "Carol");
        });
    }

    @Test
    void stringResult() {   // JdbcRepositoryIntegrationTests.stringResult, nullStringResult
        withSeed(repository -> {
            long id = repository.findByName("Bob").orElseThrow().getIdProp();
            assertThat(repository.nameOf(id)).isEqualTo("Bob");
            assertThat(repository.nameOf(id + 1000)).isNull();
            assertThat(repository.countInCountry("DE")).isEqualTo(2);
        });
    }

    @Test
    void modifyingQueryReturnsTheRowCount() {   // JdbcRepositoryIntegrationTests.updateWithIntervalCalculation (modifying)
        withSeed(repository -> {
            assertThat(repository.birthdayIn("DE")).isEqualTo(2);
            assertThat(repository.findByName("Alice")).map(DummyEntity::getAge).contains(31);
        });
    }
}
