package io.mapper.demo.repository;

import io.mapper.demo.domain.Category;
import io.mapper.spring.data.repository.MapperRepository;

/** Categories: CRUD, plus the whole tree through the {@link CategoryTree} fragment. */
public interface CategoryRepository extends MapperRepository<Category, Long>, CategoryTree {
}
