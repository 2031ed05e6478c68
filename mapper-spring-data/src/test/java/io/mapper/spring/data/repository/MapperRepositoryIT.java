package io.mapper.spring.data.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import io.mapper.orm.Session;

/**
 * The CRUD, paging and sorting, and Query by Example methods of a mapper repository, on every backend. Mirrors
 * Spring Data JDBC's {@code JdbcRepositoryIntegrationTests} (each test names the scenario it mirrors).
 */
class MapperRepositoryIT extends RepositoryBackendTest {

    private static List<DummyEntity> seed(DummyEntityRepository repository) {
        return repository.saveAll(List.of(new DummyEntity("Alice", "DE", 30), new DummyEntity("Bob", "FR", 25),
                new DummyEntity("Carol", "DE", 41), new DummyEntity("Dave", null, 19),
                new DummyEntity("Eve", "FR", 33)));
    }

    @Test
    void savesAnEntity() {   // JdbcRepositoryIntegrationTests.savesAnEntity
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            DummyEntity saved = repository.save(new DummyEntity("Alice", "DE", 30));
            assertThat(saved.getIdProp()).isNotNull();   // flushed by save: the generated key is set
            assertThat(repository.count()).isEqualTo(1);
        });
    }

    @Test
    void saveAndLoadAnEntity() {   // JdbcRepositoryIntegrationTests.saveAndLoadAnEntity
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            DummyEntity saved = repository.save(new DummyEntity("Alice", "DE", 30));
            DummyEntity reloaded = repository.findById(saved.getIdProp()).orElseThrow();
            assertThat(reloaded).isNotSameAs(saved);   // another transaction, another session
            assertThat(reloaded.getName()).isEqualTo("Alice");
            assertThat(reloaded.getAge()).isEqualTo(30);
        });
    }

    @Test
    void insertsManyEntitiesInOneBatchedFlush() {   // JdbcRepositoryIntegrationTests.insertsManyEntities
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            statements.clear();
            List<DummyEntity> saved = seed(repository);
            assertThat(saved).extracting(DummyEntity::getIdProp).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(statements.sql()).filteredOn(sql -> sql.startsWith("INSERT")).hasSizeLessThan(5);
            assertThat(repository.findAll()).hasSize(5);
        });
    }

    @Test
    void existsReturnsTrueIffEntityExists() {   // JdbcRepositoryIntegrationTests.existsReturnsTrueIffEntityExists
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            DummyEntity saved = repository.save(new DummyEntity("Alice", "DE", 30));
            assertThat(repository.existsById(saved.getIdProp())).isTrue();
            assertThat(repository.existsById(saved.getIdProp() + 1000)).isFalse();
        });
    }

    @Test
    void findAllFindsAllSpecifiedEntities() {   // JdbcRepositoryIntegrationTests.findAllFindsAllSpecifiedEntities
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            List<DummyEntity> saved = seed(repository);
            assertThat(repository.findAllById(List.of(saved.get(0).getIdProp(), saved.get(2).getIdProp())))
                    .extracting(DummyEntity::getName).containsExactlyInAnyOrder("Alice", "Carol");
            assertThat(repository.findAllById(List.of())).isEmpty();
        });
    }

    @Test
    void findByIdReturnsEmptyWhenNoneFound() {   // JdbcRepositoryIntegrationTests.findByIdReturnsEmptyWhenNoneFound
        runner.run(context -> assertThat(context.getBean(DummyEntityRepository.class).findById(4711L)).isEmpty());
    }

    @Test
    void countsEntities() {   // JdbcRepositoryIntegrationTests.countsEntities
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            seed(repository);
            assertThat(repository.count()).isEqualTo(5);
        });
    }

    @Test
    void deleteById() {   // JdbcRepositoryIntegrationTests.deleteById
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            List<DummyEntity> saved = seed(repository);
            repository.deleteById(saved.get(1).getIdProp());
            repository.deleteById(4711L);   // a missing row is ignored, as in Spring Data 3+
            assertThat(repository.findAll()).extracting(DummyEntity::getName)
                    .containsExactlyInAnyOrder("Alice", "Carol", "Dave", "Eve");
        });
    }

    @Test
    void deleteByEntityAndList() {   // JdbcRepositoryIntegrationTests.deleteByEntity, deleteByList, deleteByIdList
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            List<DummyEntity> saved = seed(repository);
            repository.delete(saved.get(0));   // detached: deleted by its key
            repository.deleteAll(List.of(saved.get(1), saved.get(2)));
            repository.deleteAllById(List.of(saved.get(3).getIdProp()));
            assertThat(repository.findAll()).extracting(DummyEntity::getName).containsExactly("Eve");
        });
    }

    @Test
    void deleteAll() {   // JdbcRepositoryIntegrationTests.deleteAll
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            seed(repository);
            repository.deleteAll();
            assertThat(repository.count()).isZero();
        });
    }

    @Test
    void updateOfADetachedEntityMergesIt() {   // JdbcRepositoryIntegrationTests.update
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            DummyEntity saved = repository.save(new DummyEntity("Alice", "DE", 30));
            saved.setName("Alicia");
            DummyEntity merged = repository.save(saved);
            assertThat(merged.getName()).isEqualTo("Alicia");
            assertThat(repository.findById(saved.getIdProp()).orElseThrow().getName()).isEqualTo("Alicia");
        });
    }

    @Test
    void saveInsideATransactionKeepsTheSessionsInstance() {   // JdbcRepositoryIntegrationTests.insertsOrUpdatesManyEntities
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            Session session = context.getBean(Session.class);
            long id = repository.save(new DummyEntity("Alice", "DE", 30)).getIdProp();
            transaction(context).executeWithoutResult(status -> {
                DummyEntity loaded = repository.findById(id).orElseThrow();
                assertThat(session.get(DummyEntity.class, id)).isSameAs(loaded);   // one session per transaction
                loaded.setName("Alicia");
                assertThat(repository.save(loaded)).isSameAs(loaded);
                repository.save(new DummyEntity("Bob", "FR", 25));
            });
            assertThat(repository.findAll(Sort.by("name"))).extracting(DummyEntity::getName)
                    .containsExactly("Alicia", "Bob");
        });
    }

    @Test
    void writesRollBackWithTheTransaction() {
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            assertThatThrownBy(() -> transaction(context).executeWithoutResult(status -> {
                repository.save(new DummyEntity("Alice", "DE", 30));
                throw new IllegalStateException("business rule failed");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(repository.count()).isZero();
        });
    }

    @Test
    void duplicateKeyIsTranslatedToDataAccessException() {   // JdbcRepositoryIntegrationTests.duplicateKeyException...
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            DummyEntity saved = repository.save(new DummyEntity("Alice", "DE", 30));
            assertThatThrownBy(() -> repository.insertRaw(saved.getIdProp(), "x", false))
                    .isInstanceOf(DataIntegrityViolationException.class);   // translated by the repository proxy
        });
    }

    @Test
    void findAllSortsByMappedPropertiesWithBoundValuesOnly() {
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            seed(repository);
            statements.clear();
            assertThat(repository.findAll(Sort.by(Sort.Order.asc("country").nullsFirst(), Sort.Order.desc("age"))))
                    .extracting(DummyEntity::getName).containsExactly("Dave", "Carol", "Alice", "Eve", "Bob");
            assertThat(statements.sql()).singleElement().asString().contains("ORDER BY").contains("country")
                    .contains("DESC");
            assertThat(repository.findAll(Sort.by(Sort.Order.by("name").ignoreCase())))
                    .extracting(DummyEntity::getName).startsWith("Alice", "Bob");
        });
    }

    @Test
    void sortByAnUnknownPropertyRaisesNamingIt() {
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            statements.clear();
            assertThatThrownBy(() -> repository.findAll(Sort.by("name; DROP TABLE sd_dummy")))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("Cannot sort DummyEntity by 'name; DROP TABLE sd_dummy'")
                    .hasMessageContaining("[idProp, name, country, age, flag, birthday]");
            assertThatThrownBy(() -> repository.findAll(Sort.by("scratch")))   // @Transient: not a column
                    .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("'scratch'");
            assertThat(statements.sql()).noneMatch(sql -> sql.contains("DROP"));
        });
    }

    @Test
    void pageByNameShouldReturnCorrectResult() {   // JdbcRepositoryIntegrationTests.pageByNameShouldReturnCorrectResult
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            seed(repository);
            Page<DummyEntity> first = repository.findAll(PageRequest.of(0, 2, Sort.by("name")));
            assertThat(first.getContent()).extracting(DummyEntity::getName).containsExactly("Alice", "Bob");
            assertThat(first.getTotalElements()).isEqualTo(5);
            assertThat(first.getTotalPages()).isEqualTo(3);
            Page<DummyEntity> last = repository.findAll(PageRequest.of(2, 2, Sort.by("name")));
            assertThat(last.getContent()).extracting(DummyEntity::getName).containsExactly("Eve");
            assertThat(last.hasNext()).isFalse();
        });
    }

    @Test
    void findOneByExampleShouldGetOne() {   // JdbcRepositoryIntegrationTests.findOneByExampleShouldGetOne, ...GetNone
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            seed(repository);
            DummyEntity probe = new DummyEntity("Bob", null, 0);
            ExampleMatcher ignoreAge = ExampleMatcher.matching().withIgnorePaths("age", "flag");
            assertThat(repository.findOne(Example.of(probe, ignoreAge))).map(DummyEntity::getName).contains("Bob");
            assertThat(repository.findOne(Example.of(new DummyEntity("Zed", null, 0), ignoreAge))).isEmpty();
            assertThatThrownBy(() -> repository.findOne(Example.of(new DummyEntity(null, "DE", 0), ignoreAge)))
                    .isInstanceOf(IncorrectResultSizeDataAccessException.class);   // ...MultipleMatch
        });
    }

    @Test
    void findAllByExampleWithStringMatchersAndPaging() {   // JdbcRepositoryIntegrationTests.findAllByExamplePageable
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            seed(repository);
            ExampleMatcher containing = ExampleMatcher.matching().withIgnorePaths("age", "flag")
                    .withStringMatcher(ExampleMatcher.StringMatcher.CONTAINING).withIgnoreCase();
            assertThat(repository.findAll(Example.of(new DummyEntity("A", null, 0), containing), Sort.by("name")))
                    .extracting(DummyEntity::getName).containsExactly("Alice", "Carol", "Dave");
            Page<DummyEntity> page = repository.findAll(Example.of(new DummyEntity(null, "DE", 0),
                    ExampleMatcher.matching().withIgnorePaths("age", "flag")), PageRequest.of(0, 1, Sort.by("age")));
            assertThat(page.getContent()).extracting(DummyEntity::getName).containsExactly("Alice");
            assertThat(page.getTotalElements()).isEqualTo(2);
            ExampleMatcher any = ExampleMatcher.matchingAny().withIgnorePaths("age", "flag");
            assertThat(repository.count(Example.of(new DummyEntity("Alice", "FR", 0), any))).isEqualTo(3);
            assertThat(repository.exists(Example.of(new DummyEntity("Zed", null, 0), any))).isFalse();
        });
    }

    @Test
    void fetchByExampleFluent() {   // JdbcRepositoryIntegrationTests.fetchByExampleFluentAllSimple, ...CountSimple
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            seed(repository);
            Example<DummyEntity> french = Example.of(new DummyEntity(null, "FR", 0),
                    ExampleMatcher.matching().withIgnorePaths("age", "flag"));
            List<DummyEntity> all = repository.findBy(french, query -> query.sortBy(Sort.by("name")).all());
            assertThat(all).extracting(DummyEntity::getName).containsExactly("Bob", "Eve");
            long count = repository.findBy(french, query -> query.count());
            assertThat(count).isEqualTo(2);
            String oldest = repository.findBy(french, query -> query.sortBy(Sort.by("age").descending())
                    .as(DummyEntityRepository.NameOnly.class).firstValue().getName());
            assertThat(oldest).isEqualTo("Eve");
            assertThatThrownBy(() -> repository.findBy(french, query -> query.oneValue()))
                    .isInstanceOf(IncorrectResultSizeDataAccessException.class);
        });
    }

    @Test
    void springDataCrudAndPagingInterfacesWorkToo() {   // CrudRepository + PagingAndSortingRepository alone
        runner.run(context -> {
            PlainDummyRepository repository = context.getBean(PlainDummyRepository.class);
            repository.saveAll(List.of(new DummyEntity("Bob", "FR", 25), new DummyEntity("Alice", "DE", 30)));
            assertThat(repository.count()).isEqualTo(2);
            Page<DummyEntity> page = repository.findAll(PageRequest.of(0, 1, Sort.by("name")));
            assertThat(page.getContent()).extracting(DummyEntity::getName).containsExactly("Alice");
            assertThat(page.getTotalElements()).isEqualTo(2);
            assertThat(repository.findAll(Sort.by("age").descending())).extracting(DummyEntity::getName)
                    .containsExactly("Alice", "Bob");
        });
    }

    @Test
    void customFragmentUsesTheTransactionBoundSession() {
        runner.run(context -> {
            DummyEntityRepository repository = context.getBean(DummyEntityRepository.class);
            seed(repository);
            assertThat(repository.renameAllIn("FR", "Dr. ")).isEqualTo(2);   // flushed at the fragment's commit
            assertThat(repository.findByCountry("FR", Sort.by("name"))).extracting(DummyEntity::getName)
                    .containsExactly("Dr. Bob", "Dr. Eve");
        });
    }
}
