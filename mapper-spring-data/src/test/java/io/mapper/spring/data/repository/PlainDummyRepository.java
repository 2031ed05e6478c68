package io.mapper.spring.data.repository;

import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

/** A repository declared with Spring Data's own interfaces only (no {@code MapperRepository}). */
public interface PlainDummyRepository extends CrudRepository<DummyEntity, Long>,
        PagingAndSortingRepository<DummyEntity, Long> {
}
