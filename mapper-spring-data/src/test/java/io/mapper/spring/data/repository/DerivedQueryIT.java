package io.mapper.spring.data.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/**
 * Queries derived from method names, run on every backend. The scenarios mirror Spring Data JDBC's
 * {@code PartTreeJdbcQueryUnitTests} (one keyword each; the test names the one it mirrors) and the derived-query
 * tests of {@code JdbcRepositoryIntegrationTests}; here they run against the database instead of comparing SQL text.
 */
class DerivedQueryIT extends RepositoryBackendTest {

    private void withSeed(Consumer<DummyEntityRepository> test) {
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            repository.saveAll(List.of(new DummyEntity("Alice", "DE", 30).flag(true),
                    new DummyEntity("Bob", "FR", 25).birthday(LocalDate.of(1999, 5, 1)),
                    new DummyEntity("Carol", "DE", 41).flag(true), new DummyEntity("Dave", null, 19),
                    new DummyEntity("Eve", "FR", 33).birthday(LocalDate.of(1991, 2, 3))));
            statements.clear();
            test.accept(repository);
        });
    }

    private static List<String> names(List<DummyEntity> found) {
        return found.stream().map(DummyEntity::getName).toList();
    }

    @Test
    void createsQueryWithIsEqualCondition() {   // PartTreeJdbcQueryUnitTests.createsQueryWithIsEqualCondition
        withSeed(repository -> {
            assertThat(repository.findByName("Bob")).map(DummyEntity::getAge).contains(25);
            assertThat(repository.findByName("Nobody")).isEmpty();
            assertThat(repository.findOneByName("Eve").getCountry()).isEqualTo("FR");
            assertThat(repository.findOneByName("Nobody")).isNull();
            assertThat(statements.statements()).allSatisfy(statement ->
                    assertThat(statement.sql()).doesNotContain("Bob", "Eve", "Nobody"));   // bound, never inlined
        });
    }

    @Test
    void createsQueryWithAndOrConditions() {   // ...createsQueryToFindAllEntitiesByTwoStringAttributes, ...ByOr
        withSeed(repository -> {
            assertThat(names(repository.findByNameAndCountry("Alice", "DE"))).containsExactly("Alice");
            assertThat(names(repository.findByNameAndCountry("Alice", "FR"))).isEmpty();
            assertThat(names(repository.findByNameOrCountryOrderByNameAsc("Dave", "FR")))
                    .containsExactly("Bob", "Dave", "Eve");
        });
    }

    @Test
    void createsQueryWithComparisons() {   // ...WithBetweenCondition, ...WithLessThanCondition, ...GreaterThanEqual, ...Before
        withSeed(repository -> {
            assertThat(names(repository.findByAgeBetweenOrderByAge(25, 33))).containsExactly("Bob", "Alice", "Eve");
            assertThat(names(repository.findByAgeLessThanOrderByAge(30))).containsExactly("Dave", "Bob");
            assertThat(names(repository.findByAgeGreaterThanEqualOrderByAgeDesc(33))).containsExactly("Carol", "Eve");
            assertThat(names(repository.findByBirthdayBefore(LocalDate.of(1995, 1, 1)))).containsExactly("Eve");
        });
    }

    @Test
    void createsQueryWithLikeConditions() {   // ...WithLikeCondition, ...StartingWith, ...EndingWith, ...Containing
        withSeed(repository -> {
            assertThat(names(repository.findByNameLike("_a%"))).containsExactlyInAnyOrder("Carol", "Dave");
            assertThat(names(repository.findByNameStartingWithOrderByName("Ca"))).containsExactly("Carol");
            assertThat(names(repository.findByNameEndingWith("ve"))).containsExactlyInAnyOrder("Dave", "Eve");
            assertThat(names(repository.findByNameContainingIgnoreCaseOrderByName("A")))
                    .containsExactly("Alice", "Carol", "Dave");
            assertThat(names(repository.findByNameNotContainingOrderByName("e"))).containsExactly("Bob", "Carol");
            assertThat(names(repository.findByNameStartingWithOrderByName("%"))).isEmpty();   // wildcards escaped
        });
    }

    @Test
    void createsQueryWithIgnoreCase() {   // PartTreeJdbcQueryUnitTests.createsQueryWithIgnoreCaseCondition
        withSeed(repository -> assertThat(names(repository.findByNameIgnoreCase("aLiCe"))).containsExactly("Alice"));
    }

    @Test
    void createsQueryWithInAndNullConditions() {   // ...WithInCondition, ...NotInCondition, ...IsNull, ...IsNotNull
        withSeed(repository -> {
            assertThat(names(repository.findByCountryIn(List.of("FR")))).containsExactlyInAnyOrder("Bob", "Eve");
            assertThat(names(repository.findByCountryNotInOrderByName(List.of("FR")))).containsExactly("Alice", "Carol");
            assertThat(names(repository.findByCountryIsNull())).containsExactly("Dave");
            assertThat(names(repository.findByCountryIsNotNullOrderByName())).hasSize(4).doesNotContain("Dave");
            assertThat(names(repository.findByNameNot("Alice"))).hasSize(4).doesNotContain("Alice");
        });
    }

    @Test
    void createsQueryWithBooleanConditions() {   // ...WithTrueCondition, ...WithFalseCondition
        withSeed(repository -> {
            assertThat(names(repository.findByFlagTrueOrderByName())).containsExactly("Alice", "Carol");
            assertThat(names(repository.findByFlagFalseOrderByName())).containsExactly("Bob", "Dave", "Eve");
        });
    }

    @Test
    void createsQueryWithLimitsAndSorting() {   // ...createsQueryWithLimitToFindEntitiesByStringAttribute, ...OrderBy, ...Top
        withSeed(repository -> {
            assertThat(names(repository.findTop2ByOrderByAgeDesc())).containsExactly("Carol", "Eve");
            assertThat(repository.findFirstByCountryOrderByAgeAsc("DE")).map(DummyEntity::getName).contains("Alice");
            assertThat(names(repository.findByCountry("FR", Sort.by("age").descending()))).containsExactly("Eve", "Bob");
            assertThat(names(repository.findByCountry("DE", Limit.of(1), Sort.by("name").descending())))
                    .containsExactly("Carol");
        });
    }

    @Test
    void pageAndSliceQueries() {   // JdbcRepositoryIntegrationTests.pageByNameShouldReturnCorrectResult, sliceByName...
        withSeed(repository -> {
            Page<DummyEntity> page = repository.findPageByCountry("DE", PageRequest.of(0, 1, Sort.by("name")));
            assertThat(names(page.getContent())).containsExactly("Alice");
            assertThat(page.getTotalElements()).isEqualTo(2);
            assertThat(page.getTotalPages()).isEqualTo(2);
            Slice<DummyEntity> slice = repository.findSliceByCountry("FR", PageRequest.of(0, 1, Sort.by("name")));
            assertThat(names(slice.getContent())).containsExactly("Bob");
            assertThat(slice.hasNext()).isTrue();
            Slice<DummyEntity> last = repository.findSliceByCountry("FR", PageRequest.of(1, 1, Sort.by("name")));
            assertThat(names(last.getContent())).containsExactly("Eve");
            assertThat(last.hasNext()).isFalse();
        });
    }

    @Test
    void pagedDerivedQueryEmitsThisSqlPerDatabase() {   // PartTreeJdbcQueryUnitTests: SQL of a paged query
        withSeed(repository -> {
            Page<DummyEntity> page = repository.findByNameContainingIgnoreCase("A",
                    PageRequest.of(0, 2, Sort.by("name")));
            assertThat(names(page.getContent())).containsExactly("Alice", "Carol");
            assertThat(page.getTotalElements()).isEqualTo(3);
            String paging = backend.is("h2") ? "OFFSET ? ROWS FETCH FIRST ? ROWS ONLY" : "LIMIT ? OFFSET ?";
            assertThat(statements.sql()).containsExactly(
                    "SELECT sd_dummy.id_prop, sd_dummy.name, sd_dummy.country, sd_dummy.age, sd_dummy.flag, "
                            + "sd_dummy.birthday FROM sd_dummy WHERE LOWER(sd_dummy.name) LIKE ? ESCAPE '/' "
                            + "ORDER BY sd_dummy.name " + paging,
                    "SELECT COUNT(*) FROM sd_dummy WHERE LOWER(sd_dummy.name) LIKE ? ESCAPE '/'");
            assertThat(statements.statements().get(0).parameters()).startsWith("%a%");
        });
    }

    @Test
    void streamCountExistsAndDeleteQueries() {   // ...countByQueryDerivation, existsWorksAsExpected, ...DeleteBy
        withSeed(repository -> {
            assertThat(repository.streamByCountryOrderByName("FR").map(DummyEntity::getName)).containsExactly("Bob", "Eve");
            assertThat(repository.countByCountry("DE")).isEqualTo(2);
            assertThat(repository.existsByName("Carol")).isTrue();
            assertThat(repository.existsByName("Zed")).isFalse();
            assertThat(repository.deleteByCountry("DE")).isEqualTo(2);
            assertThat(repository.count()).isEqualTo(3);
        });
    }

    @Test
    void projectionsIntoInterfacesAndRecords() {   // ...partTreeQueryProjectionShouldReturnProjectedEntities, pageQueryProjection...
        withSeed(repository -> {
            assertThat(repository.findNamesByCountryOrderByName("FR")).extracting(DummyEntityRepository.NameOnly::getName)
                    .containsExactly("Bob", "Eve");
            assertThat(repository.findDtoByCountryOrderByName("DE")).containsExactly(
                    new DummyEntityRepository.NameAndAge("Alice", 30), new DummyEntityRepository.NameAndAge("Carol", 41));
            Page<DummyEntityRepository.NameOnly> page = repository.findProjectedPageByCountry("DE",
                    PageRequest.of(0, 1, Sort.by("name").descending()));
            assertThat(page.getContent()).extracting(DummyEntityRepository.NameOnly::getName).containsExactly("Carol");
            assertThat(page.getTotalElements()).isEqualTo(2);
            assertThat(repository.findByAge(25, DummyEntityRepository.NameAndAge.class))   // dynamic projection
                    .containsExactly(new DummyEntityRepository.NameAndAge("Bob", 25));
        });
    }

    @Test
    void oneResultMethodWithSeveralMatchesRaises() {
        withSeed(repository -> {
            repository.save(new DummyEntity("Bob", "NL", 50));
            assertThatThrownBy(() -> repository.findOneByName("Bob"))
                    .isInstanceOf(IncorrectResultSizeDataAccessException.class);
        });
    }
}
