package io.mapper.spring.data.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Param;

/** The repository of the tests: CRUD, derived queries, {@code @Query} methods, projections and a fragment. */
public interface DummyEntityRepository extends MapperRepository<DummyEntity, Long>, DummyEntityRepositoryCustom {

    Optional<DummyEntity> findByName(String name);

    @Nullable DummyEntity findOneByName(String name);

    List<DummyEntity> findByNameAndCountry(String name, String country);

    List<DummyEntity> findByNameOrCountryOrderByNameAsc(String name, String country);

    List<DummyEntity> findByAgeBetweenOrderByAge(int from, int to);

    List<DummyEntity> findByAgeLessThanOrderByAge(int age);

    List<DummyEntity> findByAgeGreaterThanEqualOrderByAgeDesc(int age);

    List<DummyEntity> findByBirthdayBefore(LocalDate date);

    List<DummyEntity> findByNameLike(String pattern);

    List<DummyEntity> findByNameStartingWithOrderByName(String prefix);

    List<DummyEntity> findByNameEndingWith(String suffix);

    List<DummyEntity> findByNameContainingIgnoreCaseOrderByName(String part);

    List<DummyEntity> findByNameNotContainingOrderByName(String part);

    List<DummyEntity> findByNameIgnoreCase(String name);

    List<DummyEntity> findByCountryIn(Collection<String> countries);

    List<DummyEntity> findByCountryNotInOrderByName(Collection<String> countries);

    List<DummyEntity> findByCountryIsNull();

    List<DummyEntity> findByCountryIsNotNullOrderByName();

    List<DummyEntity> findByFlagTrueOrderByName();

    List<DummyEntity> findByFlagFalseOrderByName();

    List<DummyEntity> findByNameNot(String name);

    List<DummyEntity> findTop2ByOrderByAgeDesc();

    Optional<DummyEntity> findFirstByCountryOrderByAgeAsc(String country);

    List<DummyEntity> findByCountry(String country, Sort sort);

    List<DummyEntity> findByCountry(String country, Limit limit, Sort sort);

    Page<DummyEntity> findPageByCountry(String country, Pageable pageable);

    Page<DummyEntity> findByNameContainingIgnoreCase(String part, Pageable pageable);

    Slice<DummyEntity> findSliceByCountry(String country, Pageable pageable);

    Stream<DummyEntity> streamByCountryOrderByName(String country);

    long countByCountry(String country);

    boolean existsByName(String name);

    long deleteByCountry(String country);

    List<NameOnly> findNamesByCountryOrderByName(String country);

    List<NameAndAge> findDtoByCountryOrderByName(String country);

    Page<NameOnly> findProjectedPageByCountry(String country, Pageable pageable);

    <T> List<T> findByAge(int age, Class<T> type);

    @Query("SELECT id_prop FROM sd_dummy WHERE country = :country ORDER BY age DESC")
    List<DummyEntity> byCountryOldestFirst(String country);

    @Query("SELECT id_prop FROM sd_dummy WHERE name = :name")
    Optional<DummyEntity> byName(@Param("name") String personName);

    @Query("SELECT name, age FROM sd_dummy WHERE country = :country ORDER BY name")
    List<NameAndAge> dtosByCountry(String country);

    @Query("SELECT name FROM sd_dummy WHERE age > :age ORDER BY name")
    List<NameOnly> interfacesOlderThan(int age);

    @Query("SELECT COUNT(*) FROM sd_dummy WHERE country = :country")
    long countInCountry(String country);

    @Query("SELECT name FROM sd_dummy WHERE id_prop = :id")
    @Nullable String nameOf(long id);

    @Modifying
    @Query("INSERT INTO sd_dummy (id_prop, name, age, flag) VALUES (:id, :name, 1, :flag)")
    int insertRaw(long id, String name, boolean flag);

    @Modifying
    @Query("UPDATE sd_dummy SET age = age + 1 WHERE country = :country")
    int birthdayIn(String country);

    /** A closed interface projection. */
    interface NameOnly {
        String getName();
    }

    /** A DTO projection. */
    record NameAndAge(String name, int age) {
    }
}
