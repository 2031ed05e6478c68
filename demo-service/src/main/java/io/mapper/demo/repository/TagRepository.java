package io.mapper.demo.repository;

import java.util.List;

import org.springframework.data.domain.Sort;

import io.mapper.demo.domain.Tag;
import io.mapper.spring.data.repository.MapperRepository;

/** Tags: CRUD and a prefix search derived from its name. */
public interface TagRepository extends MapperRepository<Tag, Long> {

    /** The tags whose name starts with {@code prefix}, ignoring case. */
    List<Tag> findByNameStartingWithIgnoreCase(String prefix, Sort sort);
}
